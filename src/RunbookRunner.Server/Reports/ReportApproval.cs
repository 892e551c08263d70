namespace RunbookRunner.Server.Reports;

/// <summary>An approval of a step or guard: who said yes or no, and when.</summary>
public sealed record ReportApproval
{
    /// <summary>The step id, or <c>guard:ID</c>.</summary>
    public required string Target { get; init; }

    /// <summary><c>granted</c>, <c>rejected</c>, <c>timed_out</c> or <c>open</c>.</summary>
    public required string Outcome { get; init; }

    public required int Required { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public IReadOnlyList<ReportGrant> Grants { get; init; } = [];

    public ReportGrant? RejectedBy { get; init; }

    public string? RejectionReason { get; init; }

    public IReadOnlyList<ReportGate> Gates { get; init; } = [];
}
