using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Feed;

namespace RunbookRunner.Server.Metrics;

/// <summary>
/// Counts events committed on this node (steps started, approvals, runs ended) from the engine's feed, and measures
/// step durations, the lateness of timed steps and approval waits from the events' own times (the engine clock).
/// </summary>
internal sealed class MetricsCollector(RunEventFeed feed, ServerMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe();
        try
        {
            await foreach (var entry in subscription.Reader.ReadAllAsync(stoppingToken))
            {
                Count(entry.Event, entry.State);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Count(RunEvent e, RunState state)
    {
        switch (e)
        {
            case RunStarted:
                metrics.Increment("runbook_runs_started_total", Rehearsal(state));
                break;
            case StepStarted started:
                metrics.Increment("runbook_steps_started_total");
                if (started.Anchor is { } anchor && started.Attempt == 1)
                {
                    metrics.StepLateness.Observe(Math.Max(0, (started.At - anchor).TotalSeconds));
                }

                break;
            case StepSucceeded succeeded:
                ObserveDuration(state, succeeded.StepId, succeeded.At, "succeeded");
                break;
            case StepFailed failed:
                metrics.Increment("runbook_steps_failed_total");
                ObserveDuration(state, failed.StepId, failed.At, "failed");
                break;
            case ApprovalGranted granted:
                metrics.Increment("runbook_approvals_total", "decision=\"granted\"");
                if (state.Approvals.TryGetValue(granted.Target, out var approval) && !approval.IsOpen)
                {
                    metrics.ApprovalWait.Observe(Math.Max(0, (granted.At - approval.RequestedAt).TotalSeconds), "decision=\"granted\"");
                }

                break;
            case ApprovalRejected rejected:
                metrics.Increment("runbook_approvals_total", "decision=\"rejected\"");
                if (state.Approvals.TryGetValue(rejected.Target, out var refused))
                {
                    metrics.ApprovalWait.Observe(Math.Max(0, (rejected.At - refused.RequestedAt).TotalSeconds), "decision=\"rejected\"");
                }

                break;
            case ApprovalTimedOut timedOut:
                if (state.Approvals.TryGetValue(timedOut.Target, out var expired))
                {
                    metrics.ApprovalWait.Observe(Math.Max(0, (timedOut.At - expired.RequestedAt).TotalSeconds), "decision=\"timed_out\"");
                }

                break;
            case RunSucceeded or RunFailed or RunAborted or RunRolledBack:
                metrics.Increment("runbook_runs_ended_total", $"state=\"{StatusNames.Of(state.Status)}\"");
                break;
        }
    }

    private void ObserveDuration(RunState state, string stepId, DateTimeOffset end, string outcome)
    {
        if (state.Steps.TryGetValue(stepId, out var step) && step.StartedAt is { } start && end >= start)
        {
            metrics.StepDuration.Observe((end - start).TotalSeconds, $"outcome=\"{outcome}\"");
        }
    }

    private static string Rehearsal(RunState state) => $"rehearsal=\"{(state.Rehearsal ? "true" : "false")}\"";
}
