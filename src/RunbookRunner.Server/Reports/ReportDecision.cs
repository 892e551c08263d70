namespace RunbookRunner.Server.Reports;

/// <summary>A person's decision as journaled: retry, skip, mark done, pause, resume, abort, roll back.</summary>
public sealed record ReportDecision(DateTimeOffset At, string Action, string By, string Source, string? StepId, string? Detail);
