namespace RunbookRunner.Core.Runs.Events;

/// <summary>A step's dependencies are done but it waits for a time: its anchor, a retry backoff, a wait or the next occurrence.</summary>
public sealed record StepWaiting(string StepId, DateTimeOffset Until, string Reason) : RunEvent;
