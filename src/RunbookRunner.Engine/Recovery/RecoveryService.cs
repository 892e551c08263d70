using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine.Recovery;

/// <summary>
/// Keeps this node's heartbeat, resumes every unfinished run at start-up, and takes over the steps
/// of nodes that stopped beating: an idempotent step runs again with the same key, any other becomes
/// interrupted and its run pauses for a person.
/// </summary>
public sealed class RecoveryService(
    IRunStore store,
    IRunLeaseStore leases,
    RunEngine engine,
    IRunWakeScheduler wakes,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<RecoveryService> logger) : BackgroundService
{
    private readonly EngineOptions _options = options.Value;

    public static string HeartbeatKey(string nodeId) => $"node:{nodeId}";

    /// <summary>Set once the start-up sweep has finished: this node has resumed every unfinished run.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(stoppingToken).ConfigureAwait(false);
                await SweepAsync(first, stoppingToken).ConfigureAwait(false);
                if (first)
                {
                    first = false;
                    Ready.TrySetResult();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Recovery sweep failed, will retry: {Error}", ex.Message);
            }

            try
            {
                await Task.Delay(first ? TimeSpan.FromSeconds(1) : _options.OrphanSweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var key = HeartbeatKey(_options.NodeId);
        var lease = await leases.RenewAsync(key, _options.NodeId, _options.NodeTimeout, cancellationToken).ConfigureAwait(false)
            ?? await leases.TryAcquireAsync(key, _options.NodeId, _options.NodeTimeout, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            logger.LogError("Node id {NodeId} is in use by another live node; give each node its own Runbook__NodeId", _options.NodeId);
        }
    }

    /// <summary>
    /// Looks at every unfinished run. At start-up, steps this node was running belong to a previous
    /// life of the node and are orphaned; later, only steps of nodes without a heartbeat are. The runs'
    /// read model says which runs have anything running: only those are read from their journals, so
    /// thousands of runs parked on approvals cost one paged query, not thousands of journal reads.
    /// </summary>
    private async Task SweepAsync(bool startup, CancellationToken cancellationToken)
    {
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var run in await store.ListUnfinishedRunsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (MayHaveWorkInFlight(run))
            {
                await RecoverAsync(run.Id, startup, alive, cancellationToken).ConfigureAwait(false);
            }
            else if (startup && !wakes.IsDurable)
            {
                // Wakes kept in memory died with the last process: re-arm this run's.
                await engine.SubmitAsync(run.Id, new Tick(), null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RecoverAsync(string runId, bool startup, Dictionary<string, bool> alive, CancellationToken cancellationToken)
    {
        var state = await engine.GetStateAsync(runId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.IsTerminal)
        {
            return;
        }

        var orphaned = new List<string>();
        foreach (var step in state.RunningSteps)
        {
            var node = step.Node ?? "";
            if (node == _options.NodeId ? startup : !await IsAliveAsync(node, alive, cancellationToken).ConfigureAwait(false))
            {
                orphaned.Add(step.Id);
            }
        }

        if (startup)
        {
            // Undo actions in flight are tied to no node: after a restart they are orphaned too.
            orphaned.AddRange(state.Rollback?.Items?.Where(c => c.Status == CompensationStatus.Running).Select(c => c.Item.StepId) ?? []);
        }

        if (orphaned.Count > 0)
        {
            logger.LogWarning("Run {RunId}: taking over {Steps} left running by a stopped node", runId, string.Join(", ", orphaned));
            await engine.SubmitAsync(runId, new Recover(orphaned), null, cancellationToken).ConfigureAwait(false);
        }
        else if (startup)
        {
            // Re-arm the run's wake and anything due while no node was up.
            await engine.SubmitAsync(runId, new Tick(), null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>From the read model: a step (or wait) running, or a rollback under way.</summary>
    internal static bool MayHaveWorkInFlight(UnfinishedRun record)
    {
        if (record.State == StatusNames.Of(RunStatus.RollingBack))
        {
            return true;
        }

        try
        {
            using var summary = JsonDocument.Parse(record.SummaryJson);
            return !summary.RootElement.TryGetProperty("steps", out var steps)
                || steps.EnumerateArray().Any(s => s.TryGetProperty("state", out var st) && st.GetString() == StatusNames.Of(StepStatus.Running));
        }
        catch (JsonException)
        {
            // An unreadable summary proves nothing: look at the journal.
            return true;
        }
    }

    private async Task<bool> IsAliveAsync(string node, Dictionary<string, bool> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(node, out var alive))
        {
            var lease = await leases.GetAsync(HeartbeatKey(node), cancellationToken).ConfigureAwait(false);
            alive = lease is not null && lease.ExpiresAt > time.GetUtcNow();
            cache[node] = alive;
        }

        return alive;
    }
}
