using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

/// <summary>
/// The run state machine: a pure function of (state, input, now) to (events, commands). It handles the
/// input, then advances the run as far as it can at <c>now</c> (starting ready steps, requesting approvals,
/// sequencing the rollback, finishing the run) and names the next instant it must be woken.
/// </summary>
/// <remarks>
/// No I/O and no clock: the engine persists the events, then performs the commands. An input that is not
/// legal in the current state is refused with a <see cref="DecisionError"/> and produces nothing;
/// results that arrive late for an attempt that no longer matters (after abort or rollback) are ignored.
/// </remarks>
public static partial class RunDecider
{
    /// <summary>How often failing approval gates are checked again while the approval waits.</summary>
    public static readonly TimeSpan GateRecheckInterval = TimeSpan.FromMinutes(1);

    public static Decision Decide(RunState state, RunInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var b = new DecisionBuilder(state, now);
        if (state.IsTerminal)
        {
            return IsReport(input)
                ? b.Build(null)
                : Decision.Rejected(state, Illegal($"the run has ended ({StatusNames.Of(state.Status)})"));
        }

        var error = input switch
        {
            StartRun s => Start(b, s),
            Tick or Recover => null,
            ActionFinished f => OnActionFinished(b, f),
            CompensationFinished c => OnCompensationFinished(b, c),
            GatesChecked g => OnGatesChecked(b, g),
            GuardPolled p => OnGuardPolled(b, p),
            Approve a => OnApprove(b, a),
            Reject r => OnReject(b, r),
            CompleteManual m => OnCompleteManual(b, m),
            FailManual m => OnFailManual(b, m),
            PauseRun p => OnPause(b, p),
            ResumeRun r => OnResume(b, r),
            AbortRun a => OnAbort(b, a),
            RollbackRun r => OnRollback(b, r),
            RetryStep r => OnRetry(b, r),
            SkipStep s => OnSkip(b, s),
            _ => throw new ArgumentException($"Unknown run input {input.GetType().Name}.", nameof(input)),
        };
        if (error is not null)
        {
            return Decision.Rejected(state, error);
        }

        if (input is Recover recover)
        {
            RecoverInterrupted(b, recover);
        }

        Advance(b);
        return b.Build(NextWake(b));
    }

    /// <summary>Inputs that report on work the engine did; harmless (and ignored) once the run has ended.</summary>
    private static bool IsReport(RunInput input) =>
        input is Tick or Recover or ActionFinished or CompensationFinished or GatesChecked or GuardPolled;

    private static DecisionError? Start(DecisionBuilder b, StartRun s)
    {
        if (b.State.Status != RunStatus.Scheduled)
        {
            return Illegal($"the run is already {StatusNames.Of(b.State.Status)}");
        }

        b.Emit(new Events.RunStarted());
        return null;
    }

    /// <summary>Moves the run forward as far as it can go now; repeats until nothing changes.</summary>
    private static void Advance(DecisionBuilder b)
    {
        long before;
        do
        {
            before = b.State.Version;
            if (b.State.IsTerminal || b.State.Status == RunStatus.Scheduled)
            {
                return;
            }

            if (b.State.Status == RunStatus.RollingBack || b.State.ResumeTo == RunStatus.RollingBack)
            {
                AdvanceRollback(b);
                continue;
            }

            AdvanceApprovalClocks(b);
            FinishElapsedWaits(b);
            AdvanceGuards(b);
            if (b.State.Status == RunStatus.Running)
            {
                AdvanceSteps(b);
                CompleteIfDone(b);
            }
        }
        while (b.State.Version != before);
    }

    /// <summary>The earliest instant something is due, so the engine can set one timer per run.</summary>
    private static DateTimeOffset? NextWake(DecisionBuilder b)
    {
        var s = b.State;
        if (s.IsTerminal || s.Status == RunStatus.Scheduled)
        {
            return null;
        }

        var due = new List<DateTimeOffset>(b.Deferred);
        if (s.Status == RunStatus.Running)
        {
            due.AddRange(s.Steps.Values.Where(x => x.Status == StepStatus.Waiting && x.WaitingUntil is not null).Select(x => x.WaitingUntil!.Value));
        }

        if (s.Status != RunStatus.RollingBack)
        {
            foreach (var step in s.Steps.Values.Where(x => x.Status == StepStatus.Running && x.StartedAt is not null))
            {
                if (s.Runbook.FindStep(step.Id) is { Wait: { } wait })
                {
                    due.Add(step.StartedAt!.Value + wait);
                }
            }

            foreach (var a in s.Approvals.Values.Where(a => a.IsOpen && !a.TimedOut))
            {
                if (a.EscalateAt is { } esc && !a.Escalated)
                {
                    due.Add(esc);
                }

                if (a.TimeoutAt is { } t)
                {
                    due.Add(t);
                }
            }

            foreach (var g in s.Guards.Values.Where(g => g.Status == GuardStatus.Active))
            {
                var guard = s.Runbook.Guards.First(x => x.Id == g.Id);
                if (!IsSettledInRehearsal(s, g))
                {
                    due.Add(NextPollSlot(guard, g, b.Now));
                }

                if (g.Until is { } until)
                {
                    due.Add(until);
                }
            }
        }

        if (s.Status == RunStatus.RollingBack && s.Rollback?.Items?.FirstOrDefault(c => c.Status == CompensationStatus.Failed) is { RetryAt: { } retryAt })
        {
            due.Add(retryAt);
        }

        var future = due.Where(d => d > b.Now).ToList();
        return future.Count == 0 ? null : future.Min();
    }

    private static DecisionError Illegal(string message) => new(DecisionErrorCodes.IllegalState, message);
}
