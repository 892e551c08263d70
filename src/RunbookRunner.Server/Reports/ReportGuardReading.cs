namespace RunbookRunner.Server.Reports;

/// <summary>One poll of a guard's check.</summary>
public sealed record ReportGuardReading(DateTimeOffset At, double? Value, bool Breached, string Detail);
