namespace RunbookRunner.Contracts.Runs;

/// <summary>A run as the API shows it: header, state, steps, open and closed approvals, lateness.</summary>
public sealed record RunDto
{
    public required string Id { get; init; }

    /// <summary>The runbook's name (slug).</summary>
    public required string Runbook { get; init; }

    public required string Title { get; init; }

    /// <summary>See <see cref="RunStates"/>.</summary>
    public required string State { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public bool Rehearsal { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How far behind plan the run is (zero when on time).</summary>
    public TimeSpan Lateness { get; init; }

    /// <summary>The journal sequence this view reflects.</summary>
    public long Version { get; init; }

    public required IReadOnlyList<RunStepDto> Steps { get; init; }

    public required IReadOnlyList<ApprovalDto> Approvals { get; init; }

    public IReadOnlyList<GuardDto> Guards { get; init; } = [];

    public RollbackDto? Rollback { get; init; }

    public string? PauseReason { get; init; }

    /// <summary>Why the run failed or was aborted.</summary>
    public string? EndReason { get; init; }
}
