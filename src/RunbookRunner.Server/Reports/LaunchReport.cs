using System.Text.Json.Serialization;
using RunbookRunner.Server.Timeline;

namespace RunbookRunner.Server.Reports;

/// <summary>
/// The launch report of a run, for the retrospective: outcome, planned vs actual per step, lateness, approvals,
/// failures and retries, people's decisions, the rollback, guard readings, the audit trail and the timeline.
/// Built by <see cref="LaunchReportBuilder"/> (pure); rendered by <see cref="MarkdownReport"/>, <see cref="HtmlReport"/>
/// and as JSON.
/// </summary>
public sealed record LaunchReport
{
    public required string RunId { get; init; }

    public required string Runbook { get; init; }

    public string? Title { get; init; }

    public required string State { get; init; }

    /// <summary>One sentence: "The run succeeded.", "The run was rolled back: smoke failed".</summary>
    public required string Outcome { get; init; }

    public string? Environment { get; init; }

    public bool Rehearsal { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public required string TimeZone { get; init; }

    public required string StartedBy { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public TimeSpan? Duration { get; init; }

    public DateTimeOffset? PlannedFinish { get; init; }

    /// <summary>How far behind plan the run was at most (the latest start of an anchored step).</summary>
    public TimeSpan TotalLateness { get; init; }

    /// <summary>Actual (or forecast) finish minus planned finish.</summary>
    public TimeSpan? FinishDelta { get; init; }

    public required IReadOnlyList<ReportStep> Steps { get; init; }

    public required IReadOnlyList<ReportApproval> Approvals { get; init; }

    public required IReadOnlyList<ReportFailure> Failures { get; init; }

    public required IReadOnlyList<ReportDecision> Decisions { get; init; }

    public ReportRollback? Rollback { get; init; }

    public required IReadOnlyList<ReportGuard> Guards { get; init; }

    public required IReadOnlyList<ReportAuditEntry> Audit { get; init; }

    /// <summary>The timeline picture's data (JSON) and source of its SVG (HTML).</summary>
    public required TimelineChart Timeline { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Link to the run's page on the dashboard, when the server knows its public URL.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunUrl { get; init; }
}
