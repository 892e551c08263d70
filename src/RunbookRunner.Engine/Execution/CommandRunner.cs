using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Expressions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;
using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine.Execution;

/// <summary>
/// Performs the side effects a decision asks for, after its events are committed: runs actions,
/// gates and guard probes in the background and reports their results back as inputs; sets wakes;
/// cancels attempts.
/// </summary>
public sealed class CommandRunner(
    IEnumerable<IStepAction> actions,
    IGuardProbe? probe,
    IStepLogStore logs,
    IRunWakeScheduler wake,
    TimeProvider time,
    EngineOptions options,
    EngineActivity activity,
    ILogger logger) : IDisposable
{
    private readonly Dictionary<string, IStepAction> _actions = actions.ToDictionary(a => a.Descriptor.Type, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _attempts = new();
    private readonly ConcurrentDictionary<string, byte> _probes = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _polledSlots = new();
    private readonly ConcurrentDictionary<string, int> _wakeFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _rearming = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<(string RunId, string StepId), byte> _fenced = new();
    private CancellationTokenSource _fence = new();
    private volatile bool _isFenced;

    /// <summary>Where results go: the engine's submit.</summary>
    public Func<string, RunInput, CancellationToken, Task>? Report { get; set; }

    /// <summary>Background work (actions, probes, result reports) not yet finished on this node.</summary>
    public int InFlight => activity.InFlight;

    public async Task PerformAsync(RunState state, RunContext context, IReadOnlyList<RunCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var command in commands)
        {
            switch (command)
            {
                case ScheduleWake w:
                    await ScheduleWakeAsync(state.RunId, w.At, cancellationToken).ConfigureAwait(false);
                    break;
                case ExecuteStep e:
                    StartAttempt(state, context, $"{state.RunId}/{e.StepId}", e.StepId, e.Attempt, e.Call, e.Timeout,
                        result => new ActionFinished(e.StepId, e.Attempt, result));
                    break;
                case ExecuteCompensation c:
                    StartAttempt(state, context, $"{state.RunId}/undo/{c.Index}", c.StepId, c.Attempt, c.Call, c.Timeout,
                        result => new CompensationFinished(c.Index, c.Attempt, result), logAs: $"{c.StepId}.undo");
                    break;
                case EvaluateGates g:
                    Background(state.RunId, $"gates/{state.RunId}/{g.StepId}", ct => EvaluateGatesAsync(state, context, g, ct));
                    break;
                case PollGuard p when ClaimSlot($"{state.RunId}/{p.GuardId}", p.Slot):
                    Background(state.RunId, $"guard/{state.RunId}/{p.GuardId}", ct => PollAsync(state.RunId, context, p, ct));
                    break;
                case CancelSteps c:
                    foreach (var step in c.StepIds)
                    {
                        if (_attempts.TryGetValue($"{state.RunId}/{step}", out var cts))
                        {
                            await cts.CancelAsync().ConfigureAwait(false);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>True while this node has lost its heartbeat: it runs no actions (see <see cref="FenceAsync"/>).</summary>
    public bool IsFenced => _isFenced;

    /// <summary>Attempts stopped by fencing that their runs have not been told of yet.</summary>
    public bool HasStoppedAttempts => !_fenced.IsEmpty;

    /// <summary>
    /// This node cannot prove it is alive, so other nodes will soon take over its steps: stop every action and undo
    /// it is running, and start none, so no step runs on two nodes at once. The stopped attempts are not reported;
    /// <see cref="Unfence"/> says which they were.
    /// </summary>
    public async Task FenceAsync()
    {
        _isFenced = true;
        // Not disposed: an attempt starting right now may still link to it; cancelling is what matters.
        var fence = Interlocked.Exchange(ref _fence, new CancellationTokenSource());
        await fence.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>The heartbeat is back: actions may run again. Returns, per run, the steps whose attempts were stopped.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Unfence()
    {
        _isFenced = false;
        return _fenced.Keys.GroupBy(k => k.RunId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(k => k.StepId).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>The stopped attempts of these steps have been handed to the run (recovered): forget them.</summary>
    public void ForgetFenced(string runId, IEnumerable<string> stepIds)
    {
        ArgumentNullException.ThrowIfNull(stepIds);
        foreach (var step in stepIds)
        {
            _fenced.TryRemove((runId, step), out _);
        }
    }

    /// <summary>Sets a run's wake; when the store fails, the wake is re-armed in the background (see <see cref="RearmWake"/>).</summary>
    private async Task ScheduleWakeAsync(string runId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        try
        {
            await wake.ScheduleAsync(runId, at, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Setting the wake of run {RunId} failed, re-arming it in the background: {Error}", runId, ex.Message);
            RearmWake(runId);
        }
    }

    /// <summary>
    /// The run's wake may be missing or wrong (setting it failed after its decision was committed, or a later
    /// decision's wake was replaced): feed the run ticks in the background, with growing delays, until one goes
    /// through without this being called again. A tick decides afresh and sets the wake the run needs.
    /// </summary>
    public void RearmWake(string runId)
    {
        _wakeFailures.AddOrUpdate(runId, 1, (_, n) => n + 1);
        StartRearm(runId);
    }

    private void StartRearm(string runId)
    {
        if (!_rearming.TryAdd(runId, 0))
        {
            return;
        }

        activity.Enter();
        _ = Task.Run(async () =>
        {
            try
            {
                await RearmAsync(runId, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            finally
            {
                _rearming.TryRemove(runId, out _);
                activity.Exit();

                // A failure that arrived while this loop was finishing found it still registered: take it up.
                if (_wakeFailures.ContainsKey(runId) && !_stopping.IsCancellationRequested)
                {
                    StartRearm(runId);
                }
            }
        });
    }

    /// <summary>
    /// Feeds the run a tick until one goes through without another wake failure: the tick decides afresh and sets
    /// the wake it needs (or finds none is needed).
    /// </summary>
    private async Task RearmAsync(string runId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            if (!_wakeFailures.TryGetValue(runId, out var failures))
            {
                return;
            }

            try
            {
                await Report!(runId, new Tick(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Re-arming the wake of run {RunId} failed, retrying in {Delay}: {Error}", runId, delay, ex.Message);
                continue;
            }

            if (!_wakeFailures.TryGetValue(runId, out var now) || now == failures)
            {
                _wakeFailures.TryRemove(new KeyValuePair<string, int>(runId, failures));
                return;
            }
        }
    }

    /// <summary>Cancels everything in flight (node shutting down); the attempts are recovered by the next owner.</summary>
    public Task StopAsync() => _stopping.CancelAsync();

    public void Dispose() => _stopping.Dispose();

    private void StartAttempt(
        RunState state, RunContext context, string key, string stepId, int attempt, ActionCall call, TimeSpan? timeout,
        Func<ActionResult, RunInput> toInput, string? logAs = null)
    {
        var fence = _fence;
        if (_isFenced)
        {
            logger.LogWarning("Run {RunId}: not starting {StepId} (attempt {Attempt}): this node has lost its heartbeat", state.RunId, logAs ?? stepId, attempt);
            _fenced.TryAdd((state.RunId, stepId), 0);
            return;
        }

        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, fence.Token);
        if (_attempts.TryGetValue(key, out var previous))
        {
            previous.Cancel();
        }

        _attempts[key] = cancel;
        activity.Enter();
        _ = Task.Run(async () =>
        {
            using var scope = Telemetry.LogScopes.ForStep(logger, state.RunId, logAs ?? stepId, attempt);
            try
            {
                var result = await RunActionAsync(state, context, logAs ?? stepId, stepId, attempt, call, timeout, cancel.Token).ConfigureAwait(false);
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                if (fence.IsCancellationRequested)
                {
                    _fenced.TryAdd((state.RunId, stepId), 0);
                    return;
                }

                await ReportAsync(state.RunId, toInput(result)).ConfigureAwait(false);
            }
            finally
            {
                _attempts.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, cancel));
                cancel.Dispose();
                activity.Exit();
            }
        });
    }

    private async Task<ActionResult> RunActionAsync(
        RunState state, RunContext context, string logStep, string failureKey, int attempt, ActionCall call, TimeSpan? timeout, CancellationToken cancel)
    {
        var log = new StoredStepLog(context.Redactor, options.MaxLogLinesPerAttempt);
        using var timeoutCts = timeout is { } t ? new CancellationTokenSource(t, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, timeoutCts.Token);
        ActionResult result;
        try
        {
            result = await InvokeAsync(state, context, logStep, failureKey, attempt, call, log, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            result = ActionResult.Failure($"timed out after {Durations.Format(timeout!.Value)}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            result = ActionResult.Failure("cancelled", retryable: false);
        }
        catch (TemplateException ex)
        {
            result = ActionResult.Failure($"parameters could not be resolved: {ex.Message}", retryable: false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Action {Type} of {RunId}/{StepId} threw", call.Type, state.RunId, logStep);
            result = ActionResult.Failure($"{call.Type} failed: {ex.Message}");
        }

        await StoreLogAsync(state.RunId, logStep, attempt, log).ConfigureAwait(false);
        return Redact(result, context.Redactor, log);
    }

    private async Task<ActionResult> InvokeAsync(
        RunState state, RunContext context, string logStep, string failureKey, int attempt, ActionCall call, StoredStepLog log, CancellationToken cancellationToken)
    {
        var parameters = context.Render(call.With, state);
        var actionContext = new ActionContext
        {
            RunId = state.RunId,
            StepId = logStep,
            Attempt = attempt,
            Parameters = parameters,
            Log = log,
            RunUrl = options.PublicUrl is { } url ? $"{url.TrimEnd('/')}/runs/{state.RunId}" : null,
            Environment = state.Environment,
            WorkingDirectory = context.WorkingDirectory,
        };
        if (context.Rehearsal is { } rehearsal)
        {
            if (rehearsal.ShouldFail(failureKey, attempt))
            {
                log.Write($"rehearsal: failure injected into {failureKey} (attempt {attempt})");
                return ActionResult.Failure($"injected failure (rehearsal --fail {failureKey})");
            }

            return _actions.TryGetValue(call.Type, out var simulated)
                ? await simulated.SimulateAsync(actionContext, cancellationToken).ConfigureAwait(false)
                : ActionResult.Success($"simulated {call.Type}");
        }

        if (!_actions.TryGetValue(call.Type, out var action))
        {
            return ActionResult.Failure($"no action '{call.Type}' is available on node {options.NodeId}", retryable: false);
        }

        return await action.ExecuteAsync(actionContext, cancellationToken).ConfigureAwait(false);
    }

    private async Task EvaluateGatesAsync(RunState state, RunContext context, EvaluateGates g, CancellationToken cancellationToken)
    {
        var results = new List<GateResult>();
        foreach (var gate in g.Gates)
        {
            var result = await RunActionAsync(state, context, $"{g.StepId}.gate", g.StepId, 1, gate, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
            results.Add(new GateResult(gate.Type, result.Succeeded, result.Summary ?? result.Error ?? (result.Succeeded ? "passed" : "failed")));
        }

        await ReportAsync(state.RunId, new GatesChecked(g.StepId, results)).ConfigureAwait(false);
    }

    private async Task PollAsync(string runId, RunContext context, PollGuard p, CancellationToken cancellationToken)
    {
        GuardProbeResult reading;
        if (context.Rehearsal is { } rehearsal)
        {
            var breach = rehearsal.ShouldFail(p.GuardId, 0);
            reading = breach
                ? new GuardProbeResult((p.Check.Above ?? 0) + 1, true, "rehearsal: injected breach")
                : new GuardProbeResult(null, false, "rehearsal: healthy");
        }
        else if (probe is null)
        {
            reading = new GuardProbeResult(null, false, $"no guard probe is configured on node {options.NodeId}");
        }
        else
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                reading = await probe.ProbeAsync(p.Check with { Url = context.Render(p.Check.Url) }, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An unreadable metric is a breach: during a launch, silence is not health.
                reading = new GuardProbeResult(null, true, $"could not read {p.GuardId}: {ex.Message}");
            }
        }

        await ReportAsync(runId, new GuardPolled(p.GuardId, reading.Value, reading.Breached, context.Redactor.Redact(reading.Detail))).ConfigureAwait(false);
    }

    /// <summary>Each grid point of a guard is polled once on this node, however many ticks ask for it.</summary>
    private bool ClaimSlot(string key, DateTimeOffset slot)
    {
        while (true)
        {
            if (!_polledSlots.TryGetValue(key, out var last))
            {
                if (_polledSlots.TryAdd(key, slot))
                {
                    return true;
                }
            }
            else if (last >= slot)
            {
                return false;
            }
            else if (_polledSlots.TryUpdate(key, slot, last))
            {
                return true;
            }
        }
    }

    private void Background(string runId, string key, Func<CancellationToken, Task> work)
    {
        if (!_probes.TryAdd(key, 0))
        {
            return;
        }

        activity.Enter();
        _ = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Background work {Key} of run {RunId} failed", key, runId);
            }
            finally
            {
                _probes.TryRemove(key, out _);
                activity.Exit();
            }
        });
    }

    /// <summary>Reports a result until the store takes it: a restarted database delays it, never loses it.</summary>
    private async Task ReportAsync(string runId, RunInput input)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await Report!(runId, input, _stopping.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException ex) when (ex.IsTransient)
            {
                logger.LogWarning("Reporting {Input} for run {RunId} failed, retrying in {Delay}: {Error}", input.GetType().Name, runId, delay, ex.Message);
                await Task.Delay(delay, time, _stopping.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task StoreLogAsync(string runId, string stepId, int attempt, StoredStepLog log)
    {
        var lines = log.TakePending();
        if (log.Dropped > 0)
        {
            lines = [.. lines, $"… {log.Dropped} more lines not kept"];
        }

        if (lines.Count == 0)
        {
            return;
        }

        try
        {
            await logs.AppendLinesAsync(runId, stepId, attempt, lines, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Storing {Count} log lines of {RunId}/{StepId} failed: {Error}", lines.Count, runId, stepId, ex.Message);
        }
    }

    private static ActionResult Redact(ActionResult result, SecretRedactor redactor, StoredStepLog log)
    {
        var summary = result.Summary is null ? null : redactor.Redact(result.Summary);
        var error = result.Error is null ? null : redactor.Redact(result.Error);
        if (!result.Succeeded && log.Tail() is { Length: > 0 } tail && error is not null && !error.Contains(tail, StringComparison.Ordinal))
        {
            error = $"{error}\n{tail}";
        }

        return result with
        {
            Summary = summary,
            Error = error,
            Outputs = result.Outputs.ToDictionary(kv => kv.Key, kv => redactor.Redact(kv.Value)),
        };
    }
}
