namespace RunbookRunner.Server.Timeline;

/// <summary>One step of a <see cref="TimelineChart"/>: its planned window and, once it started, its actual bar.</summary>
public sealed record TimelineRow
{
    public required string StepId { get; init; }

    public required string Title { get; init; }

    /// <summary><c>action</c>, <c>approval</c>, <c>manual</c> or <c>wait</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The step's state name (<c>succeeded</c>, <c>running</c>, ...); <c>planned</c> on a plan-only chart.</summary>
    public required string State { get; init; }

    /// <summary>On the chain of steps that decides the latest finish of the run.</summary>
    public bool Critical { get; init; }

    /// <summary>The step does not run in this environment.</summary>
    public bool Skipped { get; init; }

    /// <summary>The step's anchor as written (<c>T-6h</c>), if it has one.</summary>
    public string? Anchor { get; init; }

    public required DateTimeOffset PlannedStart { get; init; }

    public required DateTimeOffset PlannedFinish { get; init; }

    /// <summary>Worst-case finish (timeouts, retries, approval windows).</summary>
    public required DateTimeOffset PlannedFinishLatest { get; init; }

    public DateTimeOffset? ActualStart { get; init; }

    /// <summary>Actual finish; for a step still running, the chart's "now".</summary>
    public DateTimeOffset? ActualFinish { get; init; }

    /// <summary>The step is still under way: its bar ends at "now".</summary>
    public bool InProgress { get; init; }

    /// <summary>Actual (or, while it has not started, current) start minus planned start; zero when on time or early.</summary>
    public TimeSpan Lateness { get; init; }

    public int Attempts { get; init; }

    public IReadOnlyList<TimelineMark> Marks { get; init; } = [];
}
