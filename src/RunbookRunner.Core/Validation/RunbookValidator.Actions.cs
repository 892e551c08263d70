using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Core.Validation;

/// <summary>Action types and their parameters, in steps, undo, gates and rollback steps.</summary>
internal sealed partial class RunbookValidator
{
    private void CheckActions()
    {
        var parameters = new ParamSchemaValidator(bag);
        foreach (var s in bound.AllSteps)
        {
            var owner = s.InRollback ? $"rollback step '{s.Step.Id}'" : $"step '{s.Step.Id}'";
            if (s.Step.Action is { } action)
            {
                CheckCall(parameters, action, owner, gate: false);
            }

            if (s.Step.Undo is { } undo)
            {
                CheckCall(parameters, undo, $"the undo of {owner}", gate: false);
            }

            foreach (var gate in s.Step.Gates)
            {
                CheckCall(parameters, gate, $"a gate of {owner}", gate: true);
            }
        }
    }

    private void CheckCall(ParamSchemaValidator parameters, ActionCall call, string owner, bool gate)
    {
        var descriptor = ActionCatalog.Find(call.Type);
        if (descriptor is null)
        {
            var hint = Suggestions.DidYouMean(call.Type, ActionCatalog.BuiltIn.Keys);
            bag.Error(DiagnosticCodes.UnknownAction, call.Location,
                $"{owner} uses unknown action '{RunbookBinder.Shorten(call.Type)}'{(hint.Length > 0 ? hint : $" (actions: {string.Join(", ", ActionCatalog.BuiltIn.Keys)})")}");
            return;
        }

        if (gate && !descriptor.CanGate)
        {
            var gates = ActionCatalog.BuiltIn.Values.Where(d => d.CanGate).Select(d => d.Type);
            bag.Error(DiagnosticCodes.NotAGate, call.Location,
                $"'{call.Type}' cannot be a gate of an approval: gates are checks without side effects ({string.Join(", ", gates)})");
        }

        parameters.Validate(descriptor.Parameters, call.With, $"{owner} ({call.Type})", string.Empty);
        if (call.Type == "http.check")
        {
            CheckHttpChecks(call, $"{owner} ({call.Type})");
        }

        foreach (var secret in descriptor.SecretParameters)
        {
            if (call.With[secret] is ScalarValue { IsNull: false } literal && !Templates.HasTemplates(literal.Text))
            {
                bag.Warning(DiagnosticCodes.LiteralSecret, literal.Location,
                    $"parameter '{secret}' of {owner} ({call.Type}) is a secret written in the runbook; declare it under 'secrets' and write ${{secrets.NAME}}");
            }
        }
    }
}
