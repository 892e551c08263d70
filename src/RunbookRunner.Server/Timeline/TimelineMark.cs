namespace RunbookRunner.Server.Timeline;

/// <summary>A moment on the timeline (an approval, a failure, the start of a rollback) with a short label.</summary>
public sealed record TimelineMark(DateTimeOffset At, TimelineMarkKind Kind, string Label);
