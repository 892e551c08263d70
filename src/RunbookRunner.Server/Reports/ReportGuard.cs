namespace RunbookRunner.Server.Reports;

/// <summary>A guard's watch over the run: its readings (the last ones in full), breaches and trips.</summary>
public sealed record ReportGuard
{
    public required string Id { get; init; }

    public required string State { get; init; }

    public int Readings { get; init; }

    public int Breaches { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? LastValue { get; init; }

    public IReadOnlyList<ReportGuardTrip> Trips { get; init; } = [];

    /// <summary>The most recent readings, oldest first (at most <see cref="LaunchReportBuilder.GuardReadingsKept"/>).</summary>
    public IReadOnlyList<ReportGuardReading> Recent { get; init; } = [];
}
