namespace RunbookRunner.Core.Runs.State;

/// <summary>Lifecycle of one undo action.</summary>
public enum CompensationStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,

    /// <summary>Failed, and its <c>on_failure: continue</c> lets the rollback go on: nice to have, not part of undoing.</summary>
    Tolerated,
}
