namespace RunbookRunner.Contracts.Runbooks;

/// <summary>One step of a plan.</summary>
public sealed record PlanStepDto
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Kind { get; init; }

    public string? Action { get; init; }

    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>The step's <c>at</c> anchor as written (<c>T-6h</c>).</summary>
    public string? Anchor { get; init; }

    public DateTimeOffset? AnchorTime { get; init; }

    public required DateTimeOffset PlannedStart { get; init; }

    public required DateTimeOffset PlannedFinish { get; init; }

    public required DateTimeOffset PlannedStartLatest { get; init; }

    public required DateTimeOffset PlannedFinishLatest { get; init; }

    /// <summary>Start relative to T0 (<c>T-5h30m</c>).</summary>
    public required string TOffset { get; init; }

    /// <summary>Planned start as a wall-clock time in the runbook's time zone (ISO-8601 with offset).</summary>
    public required string Clock { get; init; }

    /// <summary>How much later than its anchor the step is expected to start.</summary>
    public TimeSpan BehindAnchor { get; init; }

    public bool Skipped { get; init; }

    public bool Critical { get; init; }

    public int? ParallelGroup { get; init; }
}
