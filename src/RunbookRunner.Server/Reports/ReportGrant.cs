namespace RunbookRunner.Server.Reports;

/// <summary>One person's yes (or no) to an approval.</summary>
public sealed record ReportGrant(string By, DateTimeOffset At, string Source);
