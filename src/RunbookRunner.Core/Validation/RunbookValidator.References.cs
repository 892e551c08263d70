using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Core.Validation;

/// <summary><c>${...}</c> references: defined variables, secrets, environment variables and step outputs.</summary>
internal sealed partial class RunbookValidator
{
    private HashSet<string> declaredSecrets = [];

    private void CheckReferences()
    {
        declaredSecrets = [.. (bound.Root["secrets"] as MapValue)?.Entries.Select(e => e.Key) ?? []];
        foreach (var key in new[] { "title", "description", "channel" })
        {
            Walk(bound.Root[key], new ReferenceContext(null, InUndo: false));
        }

        for (var i = 0; i < bound.Steps.Count; i++)
        {
            WalkStep(bound.Steps[i].Node, i);
        }

        foreach (var s in bound.RollbackSteps)
        {
            Walk(s.Node, new ReferenceContext(null, InUndo: false));
        }

        foreach (var g in bound.Guards)
        {
            Walk(g.Node, new ReferenceContext(null, InUndo: false));
        }

        foreach (var value in runbook.Vars.Values)
        {
            Walk(value, new ReferenceContext(null, InUndo: false));
        }

        foreach (var environment in runbook.Environments.Values)
        {
            Walk(environment, new ReferenceContext(null, InUndo: false));
        }

        CheckVariableCycles();
    }

    private void WalkStep(MapValue node, int index)
    {
        foreach (var entry in node.Entries)
        {
            Walk(entry.Value, new ReferenceContext(index, InUndo: entry.Key == "undo"));
        }
    }

    /// <summary>Visits every scalar of a tree without recursion (trees may be deep within the loader's limits).</summary>
    private void Walk(ParamValue? root, ReferenceContext context)
    {
        if (root is null)
        {
            return;
        }

        var todo = new Stack<ParamValue>();
        todo.Push(root);
        var visited = 0;
        while (todo.TryPop(out var value) && visited++ < LoaderLimits.MaxNodes)
        {
            switch (value)
            {
                case ScalarValue scalar when Templates.HasTemplates(scalar.Text):
                    foreach (var reference in Templates.FindReferences(scalar.Text))
                    {
                        CheckReference(reference, tree.LocationIn(scalar, reference.Offset), context);
                    }

                    break;
                case ListValue list:
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                    {
                        todo.Push(list.Items[i]);
                    }

                    break;
                case MapValue map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        todo.Push(map.Entries[i].Value);
                    }

                    break;
            }
        }
    }

    private void CheckReference(TemplateReference reference, SourceLocation location, ReferenceContext context)
    {
        var text = RunbookBinder.Shorten(reference.ToString());
        switch (reference.Kind)
        {
            case TemplateReferenceKind.Invalid:
                bag.Error(DiagnosticCodes.MalformedReference, location, reference.Error ?? $"'{text}' is not a valid reference");
                break;
            case TemplateReferenceKind.Variable when LookupVar(reference.Name) is null:
                bag.Error(DiagnosticCodes.UndefinedVariable, location,
                    $"'{text}': variable '{RunbookBinder.Shorten(reference.Name)}' is not defined in vars{Suggestions.DidYouMean(reference.Name, runbook.Vars.Keys)}");
                break;
            case TemplateReferenceKind.Secret when !declaredSecrets.Contains(reference.Name):
                bag.Error(DiagnosticCodes.UndefinedSecret, location,
                    $"'{text}': secret '{RunbookBinder.Shorten(reference.Name)}' is not declared under 'secrets'{Suggestions.DidYouMean(reference.Name, declaredSecrets)}");
                break;
            case TemplateReferenceKind.Role when !runbook.Roles.ContainsKey(reference.Name):
                bag.Error(DiagnosticCodes.UnknownRole, location,
                    $"'{text}': role '{RunbookBinder.Shorten(reference.Name)}' is not declared under 'roles'{Suggestions.DidYouMean(reference.Name, runbook.Roles.Keys)}");
                break;
            case TemplateReferenceKind.EnvironmentVariable:
                CheckEnvironmentVariable(reference, text, location);
                break;
            case TemplateReferenceKind.StepOutput:
                CheckStepOutput(reference, text, location, context);
                break;
        }
    }

    private ParamValue? LookupVar(string path)
    {
        var parts = path.Split('.');
        var value = runbook.Vars.GetValueOrDefault(parts[0]);
        for (var i = 1; i < parts.Length && value is not null; i++)
        {
            value = (value as MapValue)?[parts[i]];
        }

        return value;
    }

    private void CheckEnvironmentVariable(TemplateReference reference, string text, SourceLocation location)
    {
        var name = reference.Name;
        if (runbook.Vars.ContainsKey(name))
        {
            return;
        }

        var candidates = runbook.Environments.Values.SelectMany(e => e.Entries.Select(x => x.Key)).Concat(runbook.Vars.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (runbook.Environments.Count == 0)
        {
            bag.Error(DiagnosticCodes.UndefinedEnvironmentVariable, location,
                $"'{text}': '{RunbookBinder.Shorten(name)}' is not defined: the runbook declares no environments and vars has no '{RunbookBinder.Shorten(name)}'{Suggestions.DidYouMean(name, candidates)}");
            return;
        }

        var missing = runbook.Environments.Where(e => !e.Value.ContainsKey(name)).Select(e => e.Key).ToList();
        if (missing.Count > 0)
        {
            bag.Error(DiagnosticCodes.UndefinedEnvironmentVariable, location,
                $"'{text}': variable '{RunbookBinder.Shorten(name)}' is not defined in environment{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} (nor in vars){Suggestions.DidYouMean(name, candidates)}");
        }
    }

    private void CheckStepOutput(TemplateReference reference, string text, SourceLocation location, ReferenceContext context)
    {
        var stepId = reference.StepId!;
        if (!stepsById.TryGetValue(stepId, out var target))
        {
            bag.Error(DiagnosticCodes.UndefinedStepOutput, location,
                $"'{text}': there is no step '{RunbookBinder.Shorten(stepId)}'{Suggestions.DidYouMean(stepId, stepsById.Keys)}");
            return;
        }

        if (target.Step.Action is not { } action)
        {
            bag.Error(DiagnosticCodes.UndefinedStepOutput, location,
                $"'{text}': step '{stepId}' is a{(target.Step.Kind == StepKind.Approval ? "n" : string.Empty)} {target.Step.Kind.ToString().ToLowerInvariant()} step and has no outputs; only action steps do");
            return;
        }

        if (ActionCatalog.Find(action.Type) is not { } descriptor)
        {
            return; // The unknown action is reported on its own.
        }

        if (!descriptor.Outputs.Contains(reference.Name))
        {
            var outputs = descriptor.Outputs.Count == 0 ? "it has none" : "outputs: " + string.Join(", ", descriptor.Outputs);
            bag.Error(DiagnosticCodes.UndefinedStepOutput, location,
                $"'{text}': action '{action.Type}' of step '{stepId}' has no output '{RunbookBinder.Shorten(reference.Name)}' ({outputs}){Suggestions.DidYouMean(reference.Name, descriptor.Outputs)}");
            return;
        }

        if (context.Step is not { } user)
        {
            return; // Rollback steps and guards run late; a missing output fails at run time with a clear error.
        }

        var userId = bound.Steps[user].Step.Id;
        var targetIndex = target.InRollback ? -1 : IndexOfMain(target);
        var available = targetIndex >= 0 && ((targetIndex == user && context.InUndo) || (targetIndex != user && DependsOn(user, targetIndex)));
        if (!available)
        {
            var reason = target.InRollback ? $"'{stepId}' is a rollback step"
                : targetIndex == user ? "a step's outputs exist only after it ran (use them in its 'undo' or in later steps)"
                : $"step '{userId}' does not wait for '{stepId}' (add it to 'after')";
            bag.Warning(DiagnosticCodes.OutputMayNotExist, location, $"'{text}' may not exist when step '{userId}' runs: {reason}");
        }
    }

    private int IndexOfMain(StepSyntax target)
    {
        for (var i = 0; i < bound.Steps.Count; i++)
        {
            if (ReferenceEquals(bound.Steps[i], target))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Variables may use other variables; a cycle would never finish substituting.</summary>
    private void CheckVariableCycles()
    {
        var names = new List<string>();
        var values = new List<(ParamValue Value, SourceLocation Location, string? Environment)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string key, ParamValue value, SourceLocation location, string? environment)
        {
            if (index.TryAdd(key, names.Count))
            {
                names.Add(key);
                values.Add((value, location, environment));
            }
        }

        foreach (var entry in (bound.Root["vars"] as MapValue)?.Entries ?? [])
        {
            Add("vars." + entry.Key, entry.Value, entry.KeyLocation, null);
        }

        foreach (var (environment, map) in runbook.Environments)
        {
            foreach (var entry in map.Entries)
            {
                Add($"env:{environment}.{entry.Key}", entry.Value, entry.KeyLocation, environment);
            }
        }

        var edges = new List<int>[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            edges[i] = [.. ReferencedVariables(values[i].Value, values[i].Environment).Select(n => index.GetValueOrDefault(n, -1)).Where(n => n >= 0).Distinct()];
        }

        foreach (var cycle in GraphCycles.Find(edges, MaxCyclesReported))
        {
            var shown = cycle.Select(i => names[i].StartsWith("env:", StringComparison.Ordinal) ? "environments." + names[i][4..] : names[i]).ToList();
            bag.Error(DiagnosticCodes.VariableCycle, values[cycle[0]].Location,
                $"variables refer to each other in a cycle: {string.Join(" -> ", shown.Append(shown[0]))}");
        }
    }

    /// <summary>Graph keys of the variables a value refers to: "vars.NAME" or "env:ENVIRONMENT.NAME".</summary>
    private IEnumerable<string> ReferencedVariables(ParamValue value, string? environment)
    {
        var todo = new Stack<ParamValue>([value]);
        while (todo.TryPop(out var current))
        {
            switch (current)
            {
                case ScalarValue scalar when Templates.HasTemplates(scalar.Text):
                    foreach (var reference in Templates.FindReferences(scalar.Text))
                    {
                        if (reference.Kind == TemplateReferenceKind.Variable)
                        {
                            yield return "vars." + reference.Name.Split('.')[0];
                        }
                        else if (reference.Kind == TemplateReferenceKind.EnvironmentVariable)
                        {
                            // Bare names resolve in the environment first, then in vars.
                            var environments = environment is null ? runbook.Environments.Keys : [environment];
                            var inEnvironment = false;
                            foreach (var e in environments.Where(e => runbook.Environments[e].ContainsKey(reference.Name)))
                            {
                                inEnvironment = true;
                                yield return $"env:{e}.{reference.Name}";
                            }

                            if (environment is null || !inEnvironment)
                            {
                                yield return "vars." + reference.Name;
                            }
                        }
                    }

                    break;
                case ListValue list:
                    foreach (var item in list.Items)
                    {
                        todo.Push(item);
                    }

                    break;
                case MapValue map:
                    foreach (var entry in map.Entries)
                    {
                        todo.Push(entry.Value);
                    }

                    break;
            }
        }
    }

    private readonly record struct ReferenceContext(int? Step, bool InUndo);
}
