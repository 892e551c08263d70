namespace RunbookRunner.Server.Reports;

/// <summary>An audit entry of the run: who did (or was refused) what, when and from where.</summary>
public sealed record ReportAuditEntry(long Id, DateTimeOffset At, string Actor, string Source, string Action, string? StepId, string Outcome, string? Detail);
