namespace RunbookRunner.Core.Runs.Events;

/// <summary>The run is rolling back: running steps are cancelled, then completed steps are undone.</summary>
public sealed record RollbackStarted(string Reason, string? By = null, string? Source = null) : RunEvent;
