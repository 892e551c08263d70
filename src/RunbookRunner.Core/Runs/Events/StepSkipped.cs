namespace RunbookRunner.Core.Runs.Events;

/// <summary>A step will not run (not in this environment, skipped by a person, or no longer needed).</summary>
public sealed record StepSkipped(string StepId, string Reason, string? By = null, string? Source = null) : RunEvent;
