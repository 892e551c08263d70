namespace RunbookRunner.Core.Runs.Events;

/// <summary>An undo action (or rollback step) began.</summary>
public sealed record CompensationStarted(int Index, string StepId, int Attempt) : RunEvent;
