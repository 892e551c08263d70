namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Cancel running attempts (abort or rollback); their late results are ignored.</summary>
public sealed record CancelSteps(IReadOnlyList<string> StepIds) : RunCommand;
