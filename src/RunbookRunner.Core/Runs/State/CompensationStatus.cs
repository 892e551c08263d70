namespace RunbookRunner.Core.Runs.State;

/// <summary>Lifecycle of one undo action.</summary>
public enum CompensationStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
}
