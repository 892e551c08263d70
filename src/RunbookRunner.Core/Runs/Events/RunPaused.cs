namespace RunbookRunner.Core.Runs.Events;

/// <summary>No new steps start until the run is resumed or a person decides.</summary>
public sealed record RunPaused(string Reason, string? By = null, string? Source = null, string? StepId = null) : RunEvent;
