namespace RunbookRunner.Server.Reports;

/// <summary>One step in a <see cref="LaunchReport"/>: planned against actual.</summary>
public sealed record ReportStep
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Kind { get; init; }

    public required string State { get; init; }

    /// <summary>The anchor as written (<c>T-6h</c>).</summary>
    public string? Anchor { get; init; }

    public bool Critical { get; init; }

    public DateTimeOffset? PlannedStart { get; init; }

    public DateTimeOffset? PlannedFinish { get; init; }

    public DateTimeOffset? ActualStart { get; init; }

    public DateTimeOffset? ActualFinish { get; init; }

    public TimeSpan? Duration { get; init; }

    /// <summary>Actual start minus planned start (negative when early); null while it has not started.</summary>
    public TimeSpan? StartDelta { get; init; }

    public int Attempts { get; init; }

    public string? Summary { get; init; }

    public string? Error { get; init; }

    public string? DoneBy { get; init; }
}
