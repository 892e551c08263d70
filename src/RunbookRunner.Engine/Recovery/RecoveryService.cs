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

    // Attempts this node started before this instant belong to a previous life of the node (it crashed or stopped).
    private readonly DateTimeOffset _lifeStart = time.GetUtcNow();

    public static string HeartbeatKey(string nodeId) => $"node:{nodeId}";

    /// <summary>Set once the start-up sweep has finished: this node has resumed every unfinished run.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The heartbeat has its own loop: a long sweep (many runs, a slow database) must not make this node look dead
        // to the others, who would then interrupt steps it is still running.
        var beating = BeatLoopAsync(stoppingToken);
        try
        {
            await SweepLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await beating.ConfigureAwait(false);
        }
    }

    private async Task BeatLoopAsync(CancellationToken stoppingToken)
    {
        var lastBeat = _lifeStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Bounded: a database that hangs instead of failing must not stop this loop from fencing the node.
                using var limit = new CancellationTokenSource(_options.HeartbeatInterval, time);
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, limit.Token);
                await BeatAsync(beat.Token).ConfigureAwait(false);
                lastBeat = time.GetUtcNow();
                if (engine.Runner.IsFenced || engine.Runner.HasStoppedAttempts)
                {
                    await UnfenceAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Heartbeat failed, will retry: {Error}", ex.Message);
                var silent = time.GetUtcNow() - lastBeat;
                if (silent >= _options.EffectiveFenceAfter && !engine.Runner.IsFenced)
                {
                    logger.LogError(
                        "No heartbeat for {Silent}: stopping every action on node {NodeId} so that no step runs twice when other nodes take over",
                        silent, _options.NodeId);
                    await engine.Runner.FenceAsync().ConfigureAwait(false);
                }
            }

            try
            {
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The heartbeat is back after this node stopped its actions: hand each stopped attempt to its run as orphaned
    /// here, so a step that is not idempotent becomes interrupted (a person decides) and an idempotent one runs again,
    /// unless another node has taken the run over already.
    /// </summary>
    private async Task UnfenceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (runId, steps) in engine.Runner.Unfence())
        {
            logger.LogWarning("Run {RunId}: heartbeat back; recovering {Steps} stopped while this node was cut off", runId, string.Join(", ", steps));
            await engine.SubmitAsync(runId, new Recover(steps) { FromNode = _options.NodeId, StartedBefore = now }, null, cancellationToken).ConfigureAwait(false);
            engine.Runner.ForgetFenced(runId, steps);
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (first)
                {
                    // Beat before the first sweep: this node's own lease says it is alive before it judges others.
                    await BeatAsync(stoppingToken).ConfigureAwait(false);
                }

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
    /// Looks at every unfinished run. At start-up, steps this node began in a previous life are orphaned (not those
    /// it began since it started: wakes and API calls run beside this sweep); later, only steps of nodes without a
    /// heartbeat are. Each Recover names the node and the attempts it means, so a step already taken over (by
    /// another node, or again here) is left alone. The runs'
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
            else if (!startup && WakeOf(run) is { } wake && wake < time.GetUtcNow() - _options.NodeTimeout)
            {
                // Its wake should have fired long ago: the trigger was lost (a database outage, a bug). A tick decides
                // what is due now and sets the wake again.
                logger.LogWarning("Run {RunId}: its wake at {Wake:O} never came; waking it now", run.Id, wake);
                await engine.SubmitAsync(run.Id, new Tick(), null, cancellationToken).ConfigureAwait(false);
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

        var recovers = new List<Recover>();
        foreach (var group in state.RunningSteps.GroupBy(s => s.Node ?? "", StringComparer.Ordinal))
        {
            if (group.Key == _options.NodeId)
            {
                var previousLife = group.Where(s => startup && (s.AttemptStartedAt ?? s.StartedAt) < _lifeStart).Select(s => s.Id).ToList();
                if (previousLife.Count > 0)
                {
                    recovers.Add(new Recover(previousLife) { FromNode = group.Key, StartedBefore = _lifeStart });
                }
            }
            else if (!await IsAliveAsync(group.Key, alive, cancellationToken).ConfigureAwait(false))
            {
                recovers.Add(new Recover([.. group.Select(s => s.Id)]) { FromNode = group.Key.Length == 0 ? null : group.Key });
            }
        }

        if (startup)
        {
            // Undo actions in flight are tied to no node: after a restart those of a previous life are orphaned too.
            var undos = state.Rollback?.Items?.Where(c => c.Status == CompensationStatus.Running && c.StartedAt < _lifeStart).Select(c => c.Item.StepId).ToList() ?? [];
            if (undos.Count > 0)
            {
                recovers.Add(new Recover(undos) { FromNode = _options.NodeId, StartedBefore = _lifeStart });
            }
        }

        foreach (var recover in recovers)
        {
            logger.LogWarning("Run {RunId}: taking over {Steps} left running by stopped node {Node}", runId, string.Join(", ", recover.OrphanedSteps ?? []), recover.FromNode);
            await engine.SubmitAsync(runId, recover, null, cancellationToken).ConfigureAwait(false);
        }

        if (recovers.Count == 0 && (startup || IsOverdue(state)))
        {
            // Re-arm the run's wake and anything due while no node was up; later sweeps do the same for a run
            // whose wake is long overdue (a wake trigger lost to a database outage must not park a run forever).
            await engine.SubmitAsync(runId, new Tick(), null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A wait that should have ended, or a step that should have started, more than a node time-out ago.</summary>
    private bool IsOverdue(RunState state)
    {
        if (state.Status != RunStatus.Running)
        {
            return false;
        }

        var limit = time.GetUtcNow() - _options.NodeTimeout;
        return state.Steps.Values.Any(s =>
            (s.Status == StepStatus.Waiting && s.WaitingUntil < limit)
            || (s.Status == StepStatus.Running && state.Runbook.FindStep(s.Id) is { Kind: Core.Model.StepKind.Wait, Wait: { } wait } && s.StartedAt + wait < limit));
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

    /// <summary>From the read model: the wake the run's last decision set, if any.</summary>
    internal static DateTimeOffset? WakeOf(UnfinishedRun record)
    {
        try
        {
            using var summary = JsonDocument.Parse(record.SummaryJson);
            return summary.RootElement.TryGetProperty("nextWake", out var wake) && wake.ValueKind == JsonValueKind.String && wake.TryGetDateTimeOffset(out var at)
                ? at
                : null;
        }
        catch (JsonException)
        {
            return null;
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
