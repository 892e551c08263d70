namespace RunbookRunner.Core.Runs.Events;

/// <summary>An undo action failed; the rollback pauses for a person.</summary>
public sealed record CompensationFailed(int Index, string StepId, string Error) : RunEvent;
