namespace RunbookRunner.Engine.Rehearsal;

/// <summary>The war room's four answers to a failed or interrupted step.</summary>
public enum FailureChoice
{
    Retry,
    Skip,
    Rollback,
    Abort,
}
