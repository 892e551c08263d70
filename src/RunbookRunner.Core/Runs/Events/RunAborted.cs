namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person (or an approval timeout) stopped the run without rollback.</summary>
public sealed record RunAborted(string Reason, string? By = null, string? Source = null) : RunEvent;
