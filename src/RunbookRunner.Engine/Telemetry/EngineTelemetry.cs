using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RunbookRunner.Engine.Telemetry;

/// <summary>
/// The engine's OpenTelemetry-compatible instrumentation: an <see cref="ActivitySource"/> in which a run is a trace
/// (a root span per run, a child span per step attempt) and a <see cref="Meter"/> with run and step counters and step
/// durations. Exporters subscribe by <see cref="ActivitySourceName"/> and <see cref="MeterName"/>.
/// </summary>
public static class EngineTelemetry
{
    public const string ActivitySourceName = "RunbookRunner.Engine";

    public const string MeterName = "RunbookRunner.Engine";

    /// <summary>Span and metric attribute names.</summary>
    public const string RunIdTag = "runbook.run.id";
    public const string RunbookTag = "runbook.name";
    public const string EnvironmentTag = "runbook.environment";
    public const string RehearsalTag = "runbook.rehearsal";
    public const string StepIdTag = "runbook.step.id";
    public const string StepKindTag = "runbook.step.kind";
    public const string AttemptTag = "runbook.step.attempt";
    public const string ActionTag = "runbook.action";
    public const string OutcomeTag = "runbook.outcome";

    internal static ActivitySource Source { get; } = new(ActivitySourceName, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString());

    internal static Meter Meter { get; } = new(MeterName, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString());

    internal static Counter<long> RunsStarted { get; } = Meter.CreateCounter<long>("runbook.runs.started", "{run}", "Runs started.");

    internal static Counter<long> RunsFinished { get; } = Meter.CreateCounter<long>("runbook.runs.finished", "{run}", "Runs that reached a final state, by outcome.");

    internal static Counter<long> StepsFinished { get; } = Meter.CreateCounter<long>("runbook.steps.finished", "{attempt}", "Step attempts that ended, by kind, action and outcome.");

    internal static Histogram<double> StepDuration { get; } = Meter.CreateHistogram<double>("runbook.step.duration", "s", "How long step attempts took, by kind, action and outcome.");
}
