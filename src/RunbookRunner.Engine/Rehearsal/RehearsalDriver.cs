using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine.Rehearsal;

/// <summary>
/// Runs a rehearsal to its end in one process: the real engine and journal, simulated actions, a
/// virtual clock that either runs <see cref="RehearsalOptions.Speed"/> times faster than real time or
/// jumps to the next due instant whenever nothing else is happening, and people's answers given
/// automatically (<c>--approve-all</c>) or at the terminal.
/// </summary>
public sealed class RehearsalDriver(
    RunEngine engine,
    RunEventFeed feed,
    OutboxDispatcher outbox,
    TimerWakeScheduler wakes,
    EngineActivity activity,
    VirtualClock clock,
    IRehearsalPrompter prompter,
    RehearsalOptions options)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    // How often each manual task has been answered, so --fail STEP:N fails only its first N answers.
    private readonly Dictionary<string, int> _manualAnswers = new(StringComparer.Ordinal);

    private RehearsalSettings? _settings;

    public async Task<RunState> RunAsync(StartRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _settings = request.Rehearsal;
        using var subscription = feed.Subscribe();
        var state = await engine.StartAsync(request, cancellationToken).ConfigureAwait(false);
        var runId = state.RunId;
        while (true)
        {
            var news = false;
            while (subscription.Reader.TryRead(out var entry))
            {
                if (entry.RunId == runId)
                {
                    news = true;
                    state = entry.State;
                    await ReactAsync(entry, cancellationToken).ConfigureAwait(false);
                }
            }

            if (news)
            {
                await DrainNarrationAsync(cancellationToken).ConfigureAwait(false);
            }

            if (activity.InFlight > 0)
            {
                await activity.WaitIdleAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (subscription.Reader.TryPeek(out _))
            {
                continue;
            }

            if (state.IsTerminal)
            {
                await DrainNarrationAsync(cancellationToken).ConfigureAwait(false);
                return state;
            }

            if (options.Speed is { } speed)
            {
                await Task.Delay(Poll, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                clock.Advance(Poll * speed);
            }
            else if (wakes.NextDue is { } next)
            {
                clock.SetUtcNow(next);
            }
            else
            {
                state = await UnstickAsync(state, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Nothing is due and nobody is asked: stop the rehearsal the way the operator chose.</summary>
    private async Task<RunState> UnstickAsync(RunState state, CancellationToken cancellationToken)
    {
        var waiting = string.Join(", ", state.Steps.Values.Where(s => s.Status is StepStatus.AwaitingApproval or StepStatus.Failed or StepStatus.Interrupted).Select(s => $"{s.Id} ({StatusNames.Of(s.Status)})"));
        var reason = $"rehearsal cannot go on: nothing is scheduled and nobody answers{(waiting.Length > 0 ? $"; waiting on {waiting}" : "")}";
        var input = options.OnPause == FailureChoice.Rollback && state.Rollback is null
            ? new RollbackRun(options.Operator, reason)
            : (RunInput)new AbortRun(options.Operator, reason);
        var result = await engine.SubmitAsync(state.RunId, input, null, cancellationToken).ConfigureAwait(false);
        return result.Outcome == SubmitOutcome.Rejected
            ? (await engine.SubmitAsync(state.RunId, new AbortRun(options.Operator, reason), null, cancellationToken).ConfigureAwait(false)).State
            : result.State;
    }

    private async Task DrainNarrationAsync(CancellationToken cancellationToken)
    {
        while (await outbox.DispatchOnceAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private async Task ReactAsync(FeedEntry entry, CancellationToken cancellationToken)
    {
        var state = entry.State;
        switch (entry.Event)
        {
            case ApprovalRequested r when state.Runbook.FindStep(r.Target) is not { Gates.Count: > 0 }:
                await DecideApprovalAsync(state, r.Target, cancellationToken).ConfigureAwait(false);
                break;
            case GatesEvaluated g when g.Results.All(x => x.Passed) && state.Approvals.TryGetValue(g.StepId, out var a) && a.IsOpen:
                await DecideApprovalAsync(state, g.StepId, cancellationToken).ConfigureAwait(false);
                break;
            case ManualTaskRequested m:
                var answer = _manualAnswers[m.StepId] = _manualAnswers.GetValueOrDefault(m.StepId) + 1;

                // An injected failure stands in for the person's answer, as it does for an action's result.
                if (RehearsalAnswers.ShouldFailManual(state, m.StepId, _settings, answer)
                    || options.ApproveAll
                    || await prompter.ConfirmAsync($"Is '{state.Runbook.FindStep(m.StepId)?.DisplayName}' done?", cancellationToken).ConfigureAwait(false) == true)
                {
                    await RehearsalAnswers.AnswerManualAsync(engine, state, m.StepId, m.Eligible, _settings, answer, cancellationToken).ConfigureAwait(false);
                }

                break;
            case RunPaused p when p.StepId is not null:
                await DecideFailureAsync(state, p.StepId, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task DecideApprovalAsync(RunState state, string target, CancellationToken cancellationToken)
    {
        var approval = state.Approvals[target];
        if (!options.ApproveAll)
        {
            var answer = await prompter.ConfirmAsync($"Approve {target}? ({(approval.Quotas.Count > 0 ? string.Join(", ", approval.Quotas.Select(q => $"{q.Count} of {q.Role}")) : $"{approval.Required} of {string.Join(", ", approval.Eligible)}")})", cancellationToken).ConfigureAwait(false);
            if (answer == false)
            {
                var by = approval.Eligible.Count > 0 ? approval.Eligible[0] : state.StartedBy;
                await engine.SubmitAsync(state.RunId, new Reject(target, new Actor(by, "rehearsal"), "rejected at the terminal"), null, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (answer is null)
            {
                return;
            }
        }

        await RehearsalAnswers.ApproveAsync(engine, state, target, cancellationToken).ConfigureAwait(false);
    }

    private async Task DecideFailureAsync(RunState state, string stepId, CancellationToken cancellationToken)
    {
        var choice = options.ApproveAll
            ? options.OnPause
            : await prompter.ChooseAsync($"{stepId} failed: {state.PauseReason}. Retry, skip, roll back or abort?", cancellationToken).ConfigureAwait(false) ?? options.OnPause;
        RunInput input = choice switch
        {
            FailureChoice.Retry => new RetryStep(stepId, options.Operator),
            FailureChoice.Skip => new SkipStep(stepId, options.Operator),
            FailureChoice.Rollback when state.Rollback is null => new RollbackRun(options.Operator, $"{stepId} failed in rehearsal"),
            FailureChoice.Rollback => new SkipStep(stepId, options.Operator),
            _ => new AbortRun(options.Operator, $"{stepId} failed in rehearsal"),
        };
        await engine.SubmitAsync(state.RunId, input, null, cancellationToken).ConfigureAwait(false);
    }
}
