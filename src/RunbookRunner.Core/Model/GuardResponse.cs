namespace RunbookRunner.Core.Model;

/// <summary>What a tripped guard does.</summary>
public enum GuardResponse
{
    Rollback,
    Pause,
    Notify,
}
