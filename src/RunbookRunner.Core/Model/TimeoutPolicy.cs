namespace RunbookRunner.Core.Model;

/// <summary>What happens when an approval is not given in time.</summary>
public enum TimeoutPolicy
{
    Pause,
    Abort,
    Rollback,
}
