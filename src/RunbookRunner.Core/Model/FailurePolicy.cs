namespace RunbookRunner.Core.Model;

/// <summary>What a run does when a step fails for good.</summary>
public enum FailurePolicy
{
    /// <summary>Pause; the war room chooses Retry / Skip / Roll back / Abort.</summary>
    Pause,
    Rollback,
    Abort,
    Continue,
}
