using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;

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
    /// life of the node and are orphaned; later, only steps of nodes without a heartbeat are.
    /// </summary>
    private async Task SweepAsync(bool startup, CancellationToken cancellationToken)
    {
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var runId in await store.ListUnfinishedRunIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = await engine.GetStateAsync(runId, cancellationToken).ConfigureAwait(false);
            if (state is null || state.IsTerminal)
            {
                continue;
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

            if (state.Status != RunStatus.Running || !state.RunningSteps.Any())
            {
                engine.Forget(runId);
            }
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
