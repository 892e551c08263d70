namespace RunbookRunner.Server.Reports;

/// <summary>One undo (or rollback step) of a rollback.</summary>
public sealed record ReportCompensation
{
    public required string StepId { get; init; }

    public bool IsRollbackStep { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>skipped</c>.</summary>
    public required string State { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Summary { get; init; }

    public string? Error { get; init; }
}
