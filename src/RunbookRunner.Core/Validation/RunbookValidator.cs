using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Core.Validation;

/// <summary>
/// Semantic checks over a bound runbook: ids, dependencies and cycles, anchors, roles and approvers,
/// environments, action types and parameters, <c>${...}</c> references, and the warnings.
/// </summary>
internal sealed partial class RunbookValidator
{
    private readonly BoundRunbook bound;
    private readonly YamlTree tree;
    private readonly DiagnosticBag bag;
    private readonly Runbook runbook;

    /// <summary>First occurrence of each id among steps (main and rollback).</summary>
    private readonly Dictionary<string, StepSyntax> stepsById = new(StringComparer.Ordinal);

    /// <summary>First occurrence of each main step id.</summary>
    private readonly Dictionary<string, StepSyntax> mainById = new(StringComparer.Ordinal);

    private RunbookValidator(BoundRunbook bound, YamlTree tree, DiagnosticBag bag)
    {
        this.bound = bound;
        this.tree = tree;
        this.bag = bag;
        runbook = bound.Runbook;
    }

    public static void Validate(BoundRunbook bound, YamlTree tree, DiagnosticBag bag)
    {
        var validator = new RunbookValidator(bound, tree, bag);
        validator.CheckIds();
        validator.CheckDependencies();
        validator.CheckAnchors();
        validator.CheckRolesAndApprovals();
        validator.CheckEnvironments();
        validator.CheckGuards();
        validator.CheckActions();
        validator.CheckReferences();
        validator.CheckWarnings();
    }

    private static SourceLocation ValueLocation(MapValue node, string key) =>
        node[key]?.Location ?? node.Location;

    private void CheckIds()
    {
        var seen = new Dictionary<string, (string What, SourceLocation Where)>(StringComparer.Ordinal);
        void See(string id, MapValue node, string what)
        {
            if (node["id"] is not ScalarValue idValue)
            {
                return;
            }

            if (seen.TryGetValue(id, out var first))
            {
                bag.Error(DiagnosticCodes.DuplicateId, idValue.Location,
                    $"id '{RunbookBinder.Shorten(id)}' is already used by the {first.What} at line {first.Where.Line}; steps, rollback steps and guards need distinct ids");
            }
            else
            {
                seen[id] = (what, idValue.Location);
            }
        }

        foreach (var s in bound.Steps)
        {
            See(s.Step.Id, s.Node, "step");
            mainById.TryAdd(s.Step.Id, s);
            stepsById.TryAdd(s.Step.Id, s);
        }

        foreach (var s in bound.RollbackSteps)
        {
            See(s.Step.Id, s.Node, "rollback step");
            stepsById.TryAdd(s.Step.Id, s);
        }

        foreach (var g in bound.Guards)
        {
            See(g.Guard.Id, g.Node, "guard");
        }
    }

    private void CheckEnvironments()
    {
        foreach (var s in bound.AllSteps)
        {
            var only = ScalarsOf(s.Node["only"]);
            foreach (var env in only)
            {
                if (runbook.Environments.ContainsKey(env.Text))
                {
                    continue;
                }

                bag.Error(DiagnosticCodes.UnknownEnvironment, env.Location,
                    $"'only' of step '{s.Step.Id}' names environment '{RunbookBinder.Shorten(env.Text)}'; {KnownEnvironments()}{Suggestions.DidYouMean(env.Text, runbook.Environments.Keys)}");
            }
        }

        // A secret with a source per environment: each key must be a declared environment.
        foreach (var secret in (bound.Root["secrets"] as MapValue)?.Entries ?? [])
        {
            foreach (var source in (secret.Value as MapValue)?.Entries ?? [])
            {
                if (!runbook.Environments.ContainsKey(source.Key))
                {
                    bag.Error(DiagnosticCodes.UnknownEnvironment, source.KeyLocation,
                        $"secret '{RunbookBinder.Shorten(secret.Key)}' has a source for environment '{RunbookBinder.Shorten(source.Key)}'; {KnownEnvironments()}{Suggestions.DidYouMean(source.Key, runbook.Environments.Keys)}");
                }
            }
        }
    }

    private string KnownEnvironments() =>
        runbook.Environments.Count == 0 ? "the runbook declares no environments" : "environments are " + string.Join(", ", runbook.Environments.Keys);

    private void CheckGuards()
    {
        foreach (var g in bound.Guards)
        {
            if (g.Node["from"] is not ScalarValue { IsNull: false } from || mainById.ContainsKey(g.Guard.From))
            {
                continue;
            }

            var hint = stepsById.ContainsKey(g.Guard.From) ? "; a guard starts after a step of 'steps', not a rollback step" : Suggestions.DidYouMean(g.Guard.From, mainById.Keys);
            bag.Error(DiagnosticCodes.UnknownGuardStep, from.Location, $"guard '{g.Guard.Id}' starts from step '{RunbookBinder.Shorten(g.Guard.From)}', which does not exist{hint}");
        }
    }

    private static IEnumerable<ScalarValue> ScalarsOf(ParamValue? value) => value switch
    {
        ScalarValue { IsNull: false } s => [s],
        ListValue l => l.Items.OfType<ScalarValue>().Where(s => !s.IsNull),
        _ => [],
    };

    private void CheckWarnings()
    {
        foreach (var s in bound.Steps)
        {
            var step = s.Step;
            if (step.Action is { } action)
            {
                var descriptor = ActionCatalog.Find(action.Type);
                var idempotent = step.Idempotent ?? descriptor?.Idempotent ?? true;
                if (!idempotent && step.Undo is null)
                {
                    bag.Warning(DiagnosticCodes.NotIdempotentWithoutUndo, action.Location,
                        step.Idempotent == false
                            ? $"step '{step.Id}' is marked idempotent: false but has no 'undo'; a rollback cannot reverse it"
                            : $"step '{step.Id}' runs '{action.Type}', which is not idempotent, and has no 'undo'; a rollback cannot reverse it (add undo, or idempotent: true if running it twice is harmless)");
                }

                if (runbook.TimeoutOf(step) is null)
                {
                    bag.Warning(DiagnosticCodes.NoTimeout, action.Location,
                        $"step '{step.Id}' has no timeout and there is no defaults.timeout; a hung action would stall the launch");
                }
            }
        }

        foreach (var s in bound.RollbackSteps)
        {
            if (s.Step.Action is { } action && runbook.TimeoutOf(s.Step) is null)
            {
                bag.Warning(DiagnosticCodes.RollbackStepWithoutTimeout, action.Location,
                    $"rollback step '{s.Step.Id}' has no timeout and there is no defaults.timeout; a hung rollback is the worst kind");
            }
        }

        foreach (var (approval, owner) in Approvals())
        {
            if (approval.Timeout is null)
            {
                bag.Warning(DiagnosticCodes.ApprovalWithoutTimeout, approval.Location,
                    $"the approval of {owner} has no timeout; the launch waits for it forever (add timeout and on_timeout)");
            }
        }
    }

    private IEnumerable<(ApprovalSpec Approval, string Owner)> Approvals()
    {
        foreach (var s in bound.AllSteps)
        {
            if (s.Step.Approval is { } approval)
            {
                yield return (approval, $"step '{s.Step.Id}'");
            }
        }

        foreach (var g in bound.Guards)
        {
            if (g.Guard.Approval is { } approval)
            {
                yield return (approval, $"guard '{g.Guard.Id}'");
            }
        }
    }
}
