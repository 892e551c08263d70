using RunbookRunner.Core.Runs.Events;

namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Gate evidence for a step's approval was collected.</summary>
public sealed record GatesChecked(string StepId, IReadOnlyList<GateResult> Results) : RunInput;
