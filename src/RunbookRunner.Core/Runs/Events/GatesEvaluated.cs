namespace RunbookRunner.Core.Runs.Events;

/// <summary>The evidence for an approval was collected; a failed gate blocks approval.</summary>
public sealed record GatesEvaluated(string StepId, IReadOnlyList<GateResult> Results) : RunEvent;
