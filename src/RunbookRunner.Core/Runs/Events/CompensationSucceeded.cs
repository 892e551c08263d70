namespace RunbookRunner.Core.Runs.Events;

/// <summary>An undo action finished well.</summary>
public sealed record CompensationSucceeded(int Index, string StepId, string? Summary) : RunEvent;
