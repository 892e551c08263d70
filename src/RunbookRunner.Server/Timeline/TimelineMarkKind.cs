namespace RunbookRunner.Server.Timeline;

/// <summary>What a mark on the timeline stands for.</summary>
public enum TimelineMarkKind
{
    Approval,
    Rejection,
    Failure,
    Retry,
    Pause,
    Rollback,
    Compensation,
    GuardTrip,
    Abort,
}
