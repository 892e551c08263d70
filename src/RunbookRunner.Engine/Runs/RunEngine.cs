using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Validation;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine.Runs;

/// <summary>
/// Advances runs: loads a run's state from its journal, asks the pure decider what an input means,
/// commits the resulting events, read model, narration and audit in one transaction, then performs
/// the decision's side effects. Decisions on one run are serialised on this node; across nodes the
/// journal's optimistic concurrency makes the loser re-read and decide again.
/// </summary>
public sealed class RunEngine : IRunWakeTarget, IDisposable
{
    private readonly ConcurrentDictionary<string, RunSlot> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Runbook> _runbooks = new(StringComparer.Ordinal);
    private readonly IRunStore _store;
    private readonly IAuditStore _audit;
    private readonly CommandRunner _runner;
    private readonly IRunWakeScheduler _wakes;
    private readonly RunEventFeed _feed;
    private readonly OutboxSignal _outbox;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly ILogger<RunEngine> _logger;

    public RunEngine(
        IRunStore store,
        IAuditStore audit,
        CommandRunner runner,
        IRunWakeScheduler wakes,
        RunEventFeed feed,
        OutboxSignal outbox,
        TimeProvider time,
        IOptions<EngineOptions> options,
        ILogger<RunEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _audit = audit;
        _runner = runner;
        _wakes = wakes;
        _feed = feed;
        _outbox = outbox;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _runner.Report = (runId, input, ct) => SubmitAsync(runId, input, null, ct);
    }

    public string NodeId => _options.NodeId;

    /// <summary>Actions, probes and reports still running on this node.</summary>
    public int InFlight => _runner.InFlight;

    /// <summary>The node's actions, for fencing when its heartbeat is lost.</summary>
    internal CommandRunner Runner => _runner;

    /// <summary>Validates the runbook, creates the run (state <c>scheduled</c>) and starts it.</summary>
    /// <exception cref="RunbookInvalidException">The runbook has errors, or names an unknown environment.</exception>
    public async Task<RunState> StartAsync(StartRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.SourcePath ?? "runbook.yaml";
        var loaded = RunbookLoader.Load(request.RunbookYaml, path);
        if (loaded.HasErrors || loaded.Runbook is null)
        {
            throw new RunbookInvalidException(loaded.Diagnostics);
        }

        var runbook = loaded.Runbook;
        var known = runbook.Environments.Count == 0 ? "none" : string.Join(", ", runbook.Environments.Keys);
        if (request.Environment is { } env && !runbook.Environments.ContainsKey(env))
        {
            throw new RunbookInvalidException([new Core.Diagnostics.Diagnostic(
                Core.Diagnostics.DiagnosticSeverity.Error, DiagnosticCodes.UnknownRunEnvironment, $"unknown environment '{env}' (the runbook declares: {known})", runbook.Location)]);
        }

        if (request.Environment is null && runbook.Environments.Count > 0)
        {
            throw new RunbookInvalidException([new Core.Diagnostics.Diagnostic(
                Core.Diagnostics.DiagnosticSeverity.Error, DiagnosticCodes.RunEnvironmentMissing, $"choose an environment for this run (the runbook declares: {known})", runbook.Location)]);
        }

        var settings = request.Settings is { IsEmpty: false } given ? given : null;
        if (settings?.Validate(runbook, request.Environment) is { Count: > 0 } problems)
        {
            throw new RunbookInvalidException([.. problems.Select(p => new Core.Diagnostics.Diagnostic(
                Core.Diagnostics.DiagnosticSeverity.Error, DiagnosticCodes.BadRunSettings, p, runbook.Location))]);
        }

        if ((settings ?? RunSettings.None).MissingSecretSources(runbook, request.Environment) is { Count: > 0 } missing)
        {
            throw new RunbookInvalidException([.. missing.Select(m => new Core.Diagnostics.Diagnostic(
                Core.Diagnostics.DiagnosticSeverity.Error, DiagnosticCodes.NoSecretSourceForEnvironment, m, runbook.Location))]);
        }

        _runbooks.TryAdd(request.RunbookYaml, runbook);
        var id = SortableId.New(_time);
        var created = new RunCreated(runbook.Name, request.T0, request.Environment, request.StartedBy, request.Rehearsal is not null, settings) { At = _time.GetUtcNow() };
        var initial = RunState.Initial(id, runbook);
        var state = initial.Apply(created);
        var context = new RunContext(state, request.Rehearsal);
        var batch = Batch(initial, state, [created], context, new SubmitContext { CommandKey = request.RequestId, AuditAction = "start" }, new Actor(request.StartedBy, request.Source));
        var result = await _store.CreateRunAsync(
            new NewRun
            {
                Id = id,
                RunbookName = runbook.Name,
                Title = runbook.Title ?? runbook.Name,
                SourcePath = request.SourcePath,
                RunbookYaml = request.RunbookYaml,
                Environment = request.Environment,
                T0 = request.T0,
                IsRehearsal = request.Rehearsal is not null,
                RehearsalOptionsJson = request.Rehearsal?.ToJson(),
                StartedBy = request.StartedBy,
                State = StatusNames.Of(state.Status),
                SummaryJson = batch.Run!.SummaryJson,
            },
            batch,
            cancellationToken).ConfigureAwait(false);
        if (result.Outcome == AppendOutcome.DuplicateCommand)
        {
            // A retried start request: the run it created first is the answer.
            return await GetStateAsync(result.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new RunNotFoundException(result.RunId);
        }

        var slot = _slots.GetOrAdd(id, _ => new RunSlot());
        slot.State = state;
        slot.Context = context;

        // A new run has no wake anywhere yet.
        slot.Wake = null;
        slot.WakeKnown = true;
        _feed.Publish(id, 1, [created], state);
        _outbox.Poke();
        var started = await SubmitAsync(id, new StartRun(new Actor(request.StartedBy, request.Source)), null, cancellationToken).ConfigureAwait(false);
        return started.State;
    }

    /// <summary>Applies an input to a run: a click, a command, an action result, a tick.</summary>
    public Task<SubmitResult> SubmitAsync(string runId, RunInput input, SubmitContext? context = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(runId, input, context, wakeFired: false, cancellationToken);

    /// <summary>The run's wake trigger fired (and is gone): tick the run and set its next wake, even one at the same instant.</summary>
    public Task WakeAsync(string runId, CancellationToken cancellationToken = default) =>
        SubmitAsync(runId, new Tick(), null, wakeFired: true, cancellationToken);

    private async Task<SubmitResult> SubmitAsync(string runId, RunInput input, SubmitContext? context, bool wakeFired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = Telemetry.LogScopes.ForRun(_logger, runId);
        var slot = _slots.GetOrAdd(runId, _ => new RunSlot());
        for (var attempt = 1; ; attempt++)
        {
            RunState after;
            RunContext runContext;
            IReadOnlyList<RunCommand> commands;
            List<RunEvent> events;
            await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (wakeFired)
                {
                    // A trigger that fired a hair early finds nothing due and asks for the same instant again;
                    // skipping that as "unchanged" would leave the run with no wake at all.
                    slot.WakeKnown = false;
                }

                RunState before;
                var fromCache = false;
                if (slot.State is { } cached && slot.Context is { } cachedContext)
                {
                    before = cached;
                    runContext = cachedContext;
                    fromCache = true;
                }
                else
                {
                    (before, runContext) = await LoadAsync(runId, slot.Context, cancellationToken).ConfigureAwait(false);
                }

                var decision = RunDecider.Decide(before, input, _time.GetUtcNow());
                if (fromCache && (decision.Error is not null || decision.Events.Count == 0))
                {
                    // Another node may have advanced the run since this node cached it. A decision with events would
                    // meet that at append (optimistic concurrency); a refusal or a no-op (a wake that finds nothing
                    // to do, then re-arms a stale wake time) would not: catch up with the journal and decide again.
                    var fresh = await CatchUpAsync(before, cancellationToken).ConfigureAwait(false);
                    if (fresh.Version != before.Version)
                    {
                        before = fresh;
                        slot.WakeKnown = false;
                        decision = RunDecider.Decide(before, input, _time.GetUtcNow());
                    }
                }
                if (decision.Error is { } error)
                {
                    await AuditDeniedAsync(runId, input, context, error, cancellationToken).ConfigureAwait(false);
                    return new SubmitResult(SubmitOutcome.Rejected, before, [], error);
                }

                events = decision.Events.Select(e => e is StepStarted s ? s with { Node = NodeId } : e).ToList();
                after = events.Aggregate(before, (state, e) => state.Apply(e));
                if (events.Count > 0)
                {
                    var batch = Batch(before, after, events, runContext, context, ActorOf(input), decision.Commands.OfType<ScheduleWake>().LastOrDefault()?.At);
                    try
                    {
                        var appended = await _store.AppendAsync(runId, before.Version, batch, cancellationToken).ConfigureAwait(false);
                        if (appended.Outcome == AppendOutcome.DuplicateCommand)
                        {
                            return new SubmitResult(SubmitOutcome.Duplicate, before, [], null);
                        }
                    }
                    catch (ConcurrencyConflictException) when (attempt < _options.MaxConflictRetries)
                    {
                        // Another node advanced this run: decide again on the fresh journal.
                        slot.Invalidate();
                        continue;
                    }
                    catch
                    {
                        slot.Invalidate();
                        throw;
                    }

                    _feed.Publish(runId, before.Version + 1, events, after);
                    _outbox.Poke();
                }

                // The wake is set under the gate, so two decisions on one run cannot leave the older one's wake behind.
                commands = await SetWakeAsync(runId, after.Version, slot, decision.Commands, cancellationToken).ConfigureAwait(false);
                if (!_options.KeepParkedRunsInMemory && IsParked(after, commands))
                {
                    // Nothing of the run is in flight here: it waits for a person or a timer, maybe for hours.
                    // Its state is re-read from the journal when it moves again, so parked runs cost no memory.
                    slot.State = null;
                    slot.Context = null;
                }
                else
                {
                    slot.State = after;
                    slot.Context = runContext;
                }
            }
            finally
            {
                slot.Gate.Release();
            }

            await _runner.PerformAsync(after, runContext, commands, cancellationToken).ConfigureAwait(false);
            if (after.IsTerminal)
            {
                Forget(runId);
            }

            return new SubmitResult(SubmitOutcome.Applied, after, events, null);
        }
    }

    /// <summary>
    /// The run's current state: this node's cached state brought up to date with the journal (other nodes may have
    /// advanced the run), or the journal folded afresh.
    /// </summary>
    public async Task<RunState?> GetStateAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (_slots.TryGetValue(runId, out var slot) && slot.State is { } cached)
        {
            return await CatchUpAsync(cached, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await LoadAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (RunNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Drops a run's cached state, so runs parked for hours do not hold memory; it is re-read when needed.</summary>
    public void Forget(string runId)
    {
        if (_slots.TryRemove(runId, out var slot))
        {
            // The gate may still be awaited by a concurrent submit; let the GC reclaim it.
            slot.Invalidate();
        }
    }

    /// <summary>Runs whose state this node holds in memory (active runs; parked runs are re-read when they move).</summary>
    public int CachedRuns => _slots.Values.Count(s => s.State is not null);

    private async Task<RunState> LoadAsync(string runId, CancellationToken cancellationToken) =>
        (await LoadAsync(runId, null, cancellationToken).ConfigureAwait(false)).State;

    /// <summary>Folds the run's journal; one read of the run's record serves both the runbook and the context.</summary>
    private async Task<(RunState State, RunContext Context)> LoadAsync(string runId, RunContext? context, CancellationToken cancellationToken)
    {
        var record = await _store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
        var runbook = _runbooks.GetOrAdd(record.RunbookYaml, yaml => RunbookLoader.Load(yaml, record.SourcePath ?? $"{record.RunbookName}.yaml").Runbook
            ?? throw new InvalidOperationException($"The runbook snapshot of run {runId} no longer loads."));
        var state = RunState.Initial(runId, runbook);
        long after = 0;
        while (true)
        {
            var page = await _store.ReadJournalAsync(runId, after, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                state = state.Apply(RunEventJson.Deserialize(row.Type, row.DataJson));
                after = row.Sequence;
            }

            if (page.Count < 1000)
            {
                return (state, context ?? new RunContext(state, record.IsRehearsal ? RehearsalSettings.FromJson(record.RehearsalOptionsJson) : null));
            }
        }
    }

    /// <summary>Applies the journal's events after <paramref name="state"/>'s version (those other nodes appended).</summary>
    private async Task<RunState> CatchUpAsync(RunState state, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _store.ReadJournalAsync(state.RunId, state.Version, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                state = state.Apply(RunEventJson.Deserialize(row.Type, row.DataJson));
            }

            if (page.Count < 1000)
            {
                return state;
            }
        }
    }

    /// <summary>
    /// Sets the run's wake unless this node knows it is already set to that instant; returns the other commands.
    /// The decision is committed by now, so a failure to set the wake (the database restarting) is not thrown at
    /// the caller: the wake is re-armed in the background by a fresh decision. The same happens when another node
    /// committed a later decision while this wake was being set, since this one may have replaced its wake.
    /// </summary>
    private async Task<IReadOnlyList<RunCommand>> SetWakeAsync(string runId, long version, RunSlot slot, IReadOnlyList<RunCommand> commands, CancellationToken cancellationToken)
    {
        if (commands.OfType<ScheduleWake>().LastOrDefault() is not { } wake)
        {
            return commands;
        }

        if (!slot.WakeKnown || slot.Wake != wake.At)
        {
            slot.WakeKnown = false;
            try
            {
                await _wakes.ScheduleAsync(runId, wake.At, cancellationToken).ConfigureAwait(false);
                if ((await _store.ReadJournalAsync(runId, version, 1, cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    slot.Wake = wake.At;
                    slot.WakeKnown = true;
                }
                else
                {
                    _runner.RearmWake(runId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Setting the wake of run {RunId} failed, re-arming it in the background: {Error}", runId, ex.Message);
                _runner.RearmWake(runId);
            }
        }

        return commands.Where(c => c is not ScheduleWake).ToList();
    }

    /// <summary>True when nothing of the run is in flight: no action or undo running, no work just asked for.</summary>
    private static bool IsParked(RunState state, IReadOnlyList<RunCommand> commands) =>
        !state.IsTerminal
        && commands.Count == 0
        && !state.RunningSteps.Any(s => state.Runbook.FindStep(s.Id)?.Kind == StepKind.Action)
        && state.Rollback?.Items?.Any(c => c.Status == CompensationStatus.Running) != true;

    private AppendBatch Batch(RunState before, RunState after, IReadOnlyList<RunEvent> events, RunContext context, SubmitContext? submit, Actor? actor, DateTimeOffset? nextWake = null)
    {
        var redactor = context.Redactor;
        var json = events.Select(e => redactor.Redact(RunEventJson.Serialize(e))).ToList();
        var audit = submit?.AuditAction is { } action && actor is not null
            ? new[] { AuditEntry(before.RunId, StepOf(events), action, actor, AuditOutcome.Allowed, submit.AuditDetail) }
            : [];
        return new AppendBatch
        {
            Events = events.Select((e, i) => new NewJournalEvent(e.TypeName, json[i], e.At)).ToList(),
            Run = RunSummary.Of(after, nextWake),
            Outbox = NarrationOutbox.For([.. _options.NarrationTargets], before, events, json)
                .Select(m => m with { PayloadJson = redactor.Redact(m.PayloadJson) }).ToList(),
            Audit = audit,
            CommandKey = submit?.CommandKey,
        };
    }

    private async Task AuditDeniedAsync(string runId, RunInput input, SubmitContext? context, DecisionError error, CancellationToken cancellationToken)
    {
        if (context?.AuditAction is not { } action || ActorOf(input) is not { } actor)
        {
            return;
        }

        var entry = AuditEntry(runId, TargetOf(input), action, actor, error.IsPermissionDenial ? AuditOutcome.Denied : AuditOutcome.Denied, $"{error.Code}: {error.Message}");
        try
        {
            await _audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex)
        {
            _logger.LogError("Could not audit refused {Action} by {Actor} on run {RunId}: {Error}", action, actor.Id, runId, ex.Message);
            throw;
        }
    }

    private static NewAuditEntry AuditEntry(string runId, string? stepId, string action, Actor actor, AuditOutcome outcome, string? detail) => new()
    {
        Actor = actor.Id,
        Source = SourceOf(actor.Source),
        Action = action,
        RunId = runId,
        StepId = stepId,
        Outcome = outcome,
        Detail = detail,
    };

    private static AuditSource SourceOf(string source) => source switch
    {
        "slack" => AuditSource.Slack,
        "web" => AuditSource.Web,
        "api" => AuditSource.Api,
        "cli" => AuditSource.Cli,
        _ => AuditSource.System,
    };

    private static Actor? ActorOf(RunInput input) => input switch
    {
        StartRun s => s.By,
        Approve a => a.By,
        Reject r => r.By,
        CompleteManual m => m.By,
        FailManual m => m.By,
        PauseRun p => p.By,
        ResumeRun r => r.By,
        AbortRun a => a.By,
        RollbackRun r => r.By,
        RetryStep r => r.By,
        SkipStep s => s.By,
        _ => null,
    };

    private static string? TargetOf(RunInput input) => input switch
    {
        Approve a => a.Target,
        Reject r => r.Target,
        CompleteManual m => m.StepId,
        FailManual m => m.StepId,
        RetryStep r => r.StepId,
        SkipStep s => s.StepId,
        _ => null,
    };

    private static string? StepOf(IReadOnlyList<RunEvent> events) => events.Count > 0 ? events[0] switch
    {
        ApprovalGranted g => g.Target,
        ApprovalRejected r => r.Target,
        ManualTaskDone m => m.StepId,
        StepMarkedDone d => d.StepId,
        StepFailed f => f.StepId,
        StepRetried r => r.StepId,
        StepSkipped s => s.StepId,
        _ => null,
    } : null;

    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Dispose();
        }

        _slots.Clear();
    }
}
