using Quartz;

namespace RunbookRunner.Server.Metrics;

/// <summary>
/// Counts Quartz triggers that fired later than their misfire threshold (<c>runbook_scheduler_misfires_total</c>).
/// Quartz 4 gives every listener member a default; only the misfire is written, explicitly, so a signature change
/// in Quartz breaks the build instead of silently never counting.
/// </summary>
internal sealed class SchedulerMisfireListener(ServerMetrics metrics) : ITriggerListener
{
    public string Name => "runbook-metrics";

    ValueTask ITriggerListener.TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken)
    {
        metrics.Increment("runbook_scheduler_misfires_total");
        return ValueTask.CompletedTask;
    }
}
