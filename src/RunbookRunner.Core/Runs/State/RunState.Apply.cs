using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Settings;

namespace RunbookRunner.Core.Runs.State;

public sealed partial record RunState
{
    /// <summary>Folds one event into the state. Pure; throws only for an event that cannot belong to this run.</summary>
    public RunState Apply(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var next = e switch
        {
            RunCreated c => this with { Status = RunStatus.Scheduled, T0 = c.T0, Environment = c.Environment, StartedBy = c.StartedBy, Rehearsal = c.Rehearsal, Settings = c.Settings ?? RunSettings.None, CreatedAt = c.At },
            RunStarted => this with { Status = RunStatus.Running, StartedAt = e.At },
            StepWaiting w => WithStep(w.StepId, s => s with { Status = StepStatus.Waiting, WaitingUntil = w.Until, WaitReason = w.Reason }),
            StepSkipped k => Completed(k.StepId, e.At, s => s with { Status = StepStatus.Skipped, Summary = k.Reason, DoneBy = k.By }),
            ApprovalRequested r => ApplyApprovalRequested(r),
            GatesEvaluated g => WithApproval(g.StepId, a => a with { Gates = g.Results, GatesCheckedAt = g.At }),
            ApprovalGranted g => ApplyGrant(g),
            ApprovalRejected r => WithApproval(r.Target, a => a with { Rejection = r }),
            ApprovalEscalated x => WithApproval(x.Target, a => a with { Escalated = true }),
            ApprovalTimedOut t => WithApproval(t.Target, a => a with { TimedOut = true }),
            ManualTaskRequested m => WithStep(m.StepId, s => s with { Status = StepStatus.AwaitingApproval, StartedAt = s.StartedAt ?? m.At }),
            ManualTaskDone d => Completed(d.StepId, e.At, s => s with { Status = StepStatus.Succeeded, DoneBy = d.By, Summary = $"done by {d.By}" }),
            StepStarted s => WithStep(s.StepId, x => x with
            {
                Status = StepStatus.Running,
                Attempts = s.Attempt,
                Node = s.Node,
                StartedAt = x.StartedAt ?? s.At,
                AttemptStartedAt = s.At,
                WaitingUntil = null,
                RetryRequested = false,
                Error = null,
                Occurrences = BeginsOccurrence(x) ? x.Occurrences + 1 : x.Occurrences,
                OccurrenceFirstAttempt = BeginsOccurrence(x) ? s.Attempt : x.OccurrenceFirstAttempt,
            }),
            StepSucceeded s => ApplyStepSucceeded(s),
            StepFailed f => WithStep(f.StepId, s => f.RetryAt is { } at
                ? s with { Status = StepStatus.Waiting, WaitingUntil = at, WaitReason = "retry", Error = f.Error }
                : s with { Status = StepStatus.Failed, Error = f.Error, FinishedAt = f.At, FailureTolerated = f.Tolerated }),
            StepInterrupted i => WithStep(i.StepId, s => s with { Status = StepStatus.Interrupted, Error = "interrupted: its node stopped while it ran" }),
            StepMarkedDone d => Completed(d.StepId, e.At, s => s with { Status = StepStatus.Succeeded, DoneBy = d.By, Summary = $"marked done by {d.By}" }),
            StepRetried r => WithStep(r.StepId, s => s with { Status = StepStatus.Pending, RetryRequested = true, Error = null, FinishedAt = null }),
            RunPaused p => this with { Status = RunStatus.Paused, PauseReason = p.Reason, PausedForStep = p.StepId, ResumeTo = Status == RunStatus.Paused ? ResumeTo : Status },
            RunResumed => this with { Status = ResumeTo, PauseReason = null, PausedForStep = null },
            GuardActivated a => WithGuard(a.GuardId, g => g with { Status = GuardStatus.Active, ActiveSince = a.At, Until = a.Until }),
            GuardReading r => WithGuard(r.GuardId, g => g with
            {
                LastPollAt = r.At,
                LastValue = r.Value,
                Readings = g.Readings + 1,
                BreachSince = r.Breached ? g.BreachSince ?? r.At : null,
            }),
            GuardTripped t => WithGuard(t.GuardId, g => g with
            {
                Status = t.Response == Model.GuardResponse.Notify ? GuardStatus.Active : GuardStatus.Tripped,
                Trips = g.Trips + 1,
                BreachSince = null,
            }),
            GuardDismissed d => WithGuard(d.GuardId, g => g with { Status = GuardStatus.Active, BreachSince = null }),
            GuardExpired x => WithGuard(x.GuardId, g => g with { Status = GuardStatus.Expired }),
            RollbackStarted r => this with { Status = RunStatus.RollingBack, ResumeTo = RunStatus.RollingBack, Rollback = new RollbackState(r.Reason, r.At), PauseReason = null },
            CompensationPlanned p => this with { Rollback = Rollback! with { Items = [.. p.Items.Select(i => new CompensationState(i))] } },
            CompensationStarted c => WithCompensation(c.Index, x => x with { Status = CompensationStatus.Running, Attempts = c.Attempt, StartedAt = c.At, Error = null, RetryAt = null }),
            CompensationSucceeded c => WithCompensation(c.Index, x => x with { Status = CompensationStatus.Succeeded })
                .WithUndone(c.StepId),
            CompensationFailed c => WithCompensation(c.Index, x => x with { Status = c.Continued ? CompensationStatus.Tolerated : CompensationStatus.Failed, Error = c.Error, RetryAt = c.RetryAt }),
            CompensationSkipped c => WithCompensation(c.Index, x => x with { Status = CompensationStatus.Skipped }),
            RunSucceeded => this with { Status = RunStatus.Succeeded, FinishedAt = e.At },
            RunFailed f => this with { Status = RunStatus.Failed, FinishedAt = e.At, EndReason = f.Reason },
            RunAborted a => this with { Status = RunStatus.Aborted, FinishedAt = e.At, EndReason = a.Reason },
            RunRolledBack => this with { Status = RunStatus.RolledBack, FinishedAt = e.At },
            _ => throw new ArgumentException($"Unknown run event type {e.GetType().Name}.", nameof(e)),
        };
        return next with { Version = Version + 1 };
    }

    /// <summary>Folds a journal into a state.</summary>
    public static RunState Fold(string runId, Model.Runbook runbook, IEnumerable<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Initial(runId, runbook), (state, e) => state.Apply(e));
    }

    private RunState ApplyApprovalRequested(ApprovalRequested r)
    {
        var approval = new ApprovalState(r.Target)
        {
            Eligible = r.Eligible,
            Required = r.Required,
            Quotas = r.Quotas ?? [],
            RequestedAt = r.At,
            TimeoutAt = r.TimeoutAt,
            EscalateAt = r.EscalateAt,
        };
        var state = this with { Approvals = Approvals.SetItem(r.Target, approval) };
        return Steps.ContainsKey(r.Target)
            ? state.WithStep(r.Target, s => s with { Status = StepStatus.AwaitingApproval, StartedAt = s.StartedAt ?? r.At })
            : state.WithGuard(ApprovalTargets.GuardId(r.Target), g => g with { Status = GuardStatus.AwaitingApproval });
    }

    private RunState ApplyGrant(ApprovalGranted g)
    {
        var state = WithApproval(g.Target, a => a with { Grants = a.Grants.Add(g) });
        return !state.Approvals[g.Target].IsOpen && Steps.ContainsKey(g.Target)
            ? state.WithStep(g.Target, s => s with { Approved = true })
            : state;
    }

    /// <summary>The first attempt, or the next occurrence of a recurring step, begins an occurrence; a retry does not.</summary>
    private static bool BeginsOccurrence(StepState step) =>
        step.Attempts == 0 || (step.Status == StepStatus.Waiting && step.WaitReason == "occurrence");

    private RunState ApplyStepSucceeded(StepSucceeded s)
    {
        // A recurring step waits for its next occurrence until the next one would fall after `until`.
        if (Runbook.FindStep(s.StepId) is { Every: { } every } step && Steps[s.StepId].StartedAt is { } first)
        {
            var next = first + (every * Steps[s.StepId].Occurrences);
            var until = step.Until?.ResolveAgainst(T0);
            if (until is null || next <= until)
            {
                return WithStep(s.StepId, x => x with { Status = StepStatus.Waiting, WaitingUntil = next, WaitReason = "occurrence", Summary = s.Summary, Outputs = s.Outputs });
            }
        }

        return Completed(s.StepId, s.At, x => x with { Status = StepStatus.Succeeded, Summary = s.Summary, Outputs = s.Outputs });
    }

    private RunState Completed(string stepId, DateTimeOffset at, Func<StepState, StepState> change) =>
        WithStep(stepId, s => change(s) with { FinishedAt = at, WaitingUntil = null }) with { CompletionOrder = CompletionOrder.Add(stepId) };

    private RunState WithStep(string id, Func<StepState, StepState> change) =>
        Steps.TryGetValue(id, out var step)
            ? this with { Steps = Steps.SetItem(id, change(step)) }
            : throw new ArgumentException($"Run {RunId} has no step '{id}'.", nameof(id));

    private RunState WithApproval(string target, Func<ApprovalState, ApprovalState> change) =>
        Approvals.TryGetValue(target, out var approval)
            ? this with { Approvals = Approvals.SetItem(target, change(approval)) }
            : throw new ArgumentException($"Run {RunId} has no approval request for '{target}'.", nameof(target));

    private RunState WithGuard(string id, Func<GuardState, GuardState> change) =>
        Guards.TryGetValue(id, out var guard)
            ? this with { Guards = Guards.SetItem(id, change(guard)) }
            : throw new ArgumentException($"Run {RunId} has no guard '{id}'.", nameof(id));

    private RunState WithCompensation(int index, Func<CompensationState, CompensationState> change) =>
        Rollback?.Items is { } items && index >= 0 && index < items.Count
            ? this with { Rollback = Rollback with { Items = items.SetItem(index, change(items[index])) } }
            : throw new ArgumentException($"Run {RunId} has no planned compensation #{index}.", nameof(index));

    private RunState WithUndone(string stepId) =>
        Steps.ContainsKey(stepId) ? WithStep(stepId, s => s with { Status = StepStatus.Compensated }) : this;
}
