using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Feed;

namespace RunbookRunner.Server.Metrics;

/// <summary>Counts events committed on this node (steps started, approvals, runs ended) from the engine's feed.</summary>
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
            case StepStarted:
                metrics.Increment("runbook_steps_started_total");
                break;
            case StepFailed:
                metrics.Increment("runbook_steps_failed_total");
                break;
            case ApprovalGranted:
                metrics.Increment("runbook_approvals_total", "decision=\"granted\"");
                break;
            case ApprovalRejected:
                metrics.Increment("runbook_approvals_total", "decision=\"rejected\"");
                break;
            case RunSucceeded or RunFailed or RunAborted or RunRolledBack:
                metrics.Increment("runbook_runs_ended_total", $"state=\"{StatusNames.Of(state.Status)}\"");
                break;
        }
    }

    private static string Rehearsal(RunState state) => $"rehearsal=\"{(state.Rehearsal ? "true" : "false")}\"";
}
