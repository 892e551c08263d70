namespace RunbookRunner.Core.Runs.Events;

/// <summary>The run ended without success (a step failed with on_failure abort, or rollback incomplete).</summary>
public sealed record RunFailed(string Reason) : RunEvent;
