namespace RunbookRunner.Server.Reports;

/// <summary>The rollback of a run: why, who asked, when, and every undo.</summary>
public sealed record ReportRollback
{
    public required string Reason { get; init; }

    public string? By { get; init; }

    public string? Source { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyList<ReportCompensation> Items { get; init; } = [];
}
