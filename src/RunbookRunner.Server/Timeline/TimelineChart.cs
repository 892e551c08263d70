namespace RunbookRunner.Server.Timeline;

/// <summary>
/// A Gantt-style picture of a run (or of a plan): one row per step with its planned window and actual bar, run-level
/// marks (rollback, pauses) and the "now" line. Pure data; <see cref="TimelineSvg"/> draws it.
/// </summary>
public sealed record TimelineChart
{
    /// <summary>Left edge of the chart.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Right edge of the chart.</summary>
    public required DateTimeOffset End { get; init; }

    public required DateTimeOffset T0 { get; init; }

    /// <summary>IANA zone the axis is labelled in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The "now" line; null for a finished run.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>How far behind plan the run is (or was at most).</summary>
    public TimeSpan Lateness { get; init; }

    /// <summary>Steps in timeline order (by planned start).</summary>
    public required IReadOnlyList<TimelineRow> Rows { get; init; }

    /// <summary>Marks of the run as a whole: rollback started, paused, guard tripped.</summary>
    public IReadOnlyList<TimelineMark> Marks { get; init; } = [];
}
