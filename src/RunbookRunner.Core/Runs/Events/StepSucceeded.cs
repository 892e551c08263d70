namespace RunbookRunner.Core.Runs.Events;

/// <summary>An attempt finished well.</summary>
public sealed record StepSucceeded(string StepId, int Attempt, string? Summary, IReadOnlyDictionary<string, string> Outputs) : RunEvent;
