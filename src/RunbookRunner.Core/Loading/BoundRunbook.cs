using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Loading;

/// <summary>The model of a runbook together with the syntax it was built from.</summary>
internal sealed record BoundRunbook(
    Runbook Runbook,
    MapValue Root,
    IReadOnlyList<StepSyntax> Steps,
    IReadOnlyList<StepSyntax> RollbackSteps,
    IReadOnlyList<GuardSyntax> Guards)
{
    public IEnumerable<StepSyntax> AllSteps => Steps.Concat(RollbackSteps);
}
