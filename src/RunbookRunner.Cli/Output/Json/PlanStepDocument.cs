namespace RunbookRunner.Cli.Output.Json;

/// <summary>One step of <c>runbook plan --format json</c>: <see cref="ClockTime"/> is local time with offset.</summary>
internal sealed record PlanStepDocument(
    string Id,
    string Kind,
    string PlannedStart,
    string PlannedFinishLatest,
    string TOffset,
    string ClockTime,
    IReadOnlyList<string> After,
    bool Critical,
    string Title,
    string? Action,
    bool Approval,
    string? Anchor,
    string PlannedFinish,
    string PlannedStartLatest,
    string? BehindAnchor,
    bool Skipped,
    int? ParallelGroup,
    RecurrenceDocument? Recurrence);
