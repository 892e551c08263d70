namespace RunbookRunner.Server.Reports;

/// <summary>A guard tripped: its threshold was breached long enough and <see cref="Response"/> followed.</summary>
public sealed record ReportGuardTrip(DateTimeOffset At, string Response, string Detail);
