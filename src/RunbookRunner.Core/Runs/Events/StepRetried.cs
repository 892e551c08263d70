namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person asked for a failed or interrupted step to run again.</summary>
public sealed record StepRetried(string StepId, string By, string Source) : RunEvent;
