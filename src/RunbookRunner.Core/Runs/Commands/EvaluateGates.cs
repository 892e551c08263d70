using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Collect gate evidence for a step's approval; report with GatesChecked.</summary>
public sealed record EvaluateGates(string StepId, IReadOnlyList<ActionCall> Gates) : RunCommand;
