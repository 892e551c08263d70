using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

public static partial class RunDecider
{
    private static void RequestApproval(DecisionBuilder b, string target, ApprovalSpec spec)
    {
        var eligible = b.Runbook.UsersInRoles(spec.Roles);
        var quotas = spec.Quotas.Count == 0
            ? null
            : spec.Quotas.Select(q => new RoleQuota(q.Role, q.Count, b.Runbook.Roles.TryGetValue(q.Role, out var people) ? people : [])).ToList();
        b.Emit(new ApprovalRequested(
            target,
            eligible,
            quotas?.Sum(q => q.Count) ?? spec.Required,
            spec.Timeout is { } t ? b.Now + t : null,
            spec.EscalateAfter is { } e ? b.Now + e : null)
        {
            Quotas = quotas,
        });
    }

    private static ApprovalSpec? SpecOf(RunState state, string target) =>
        ApprovalTargets.IsGuard(target)
            ? state.Runbook.Guards.FirstOrDefault(g => g.Id == ApprovalTargets.GuardId(target))?.Approval
            : state.Runbook.FindStep(target)?.Approval;

    /// <summary>Escalations and timeouts of open approvals; gate evidence refreshed while it fails.</summary>
    private static void AdvanceApprovalClocks(DecisionBuilder b)
    {
        foreach (var a in b.State.Approvals.Values.Where(a => a.IsOpen && !a.TimedOut).ToList())
        {
            var spec = SpecOf(b.State, a.Target)!;
            if (a.EscalateAt <= b.Now && !a.Escalated)
            {
                var roles = spec.EscalateTo.Count > 0 ? spec.EscalateTo : spec.Roles;
                b.Emit(new ApprovalEscalated(a.Target, roles, b.Runbook.UsersInRoles(roles)));
            }

            if (a.TimeoutAt <= b.Now)
            {
                b.Emit(new ApprovalTimedOut(a.Target, spec.OnTimeout));
                var reason = $"approval of {a.Target} timed out after {Time.Durations.Format(spec.Timeout!.Value)} with {a.ProgressText}";
                switch (spec.OnTimeout)
                {
                    case TimeoutPolicy.Pause when b.State.Status != RunStatus.Paused:
                        b.Emit(new RunPaused(reason));
                        break;
                    case TimeoutPolicy.Abort:
                        b.Emit(new RunAborted(reason, Actor.System.Id, Actor.System.Source));
                        return;
                    case TimeoutPolicy.Rollback:
                        b.Emit(new RollbackStarted(reason));
                        return;
                }
            }

            if (a.Gates is not null && !a.GatesPassing && a.GatesCheckedAt is { } checkedAt && b.Runbook.FindStep(a.Target) is { } step)
            {
                if (checkedAt + GateRecheckInterval <= b.Now)
                {
                    b.Command(new Commands.EvaluateGates(step.Id, step.Gates));
                    b.Deferred.Add(b.Now + GateRecheckInterval);
                }
                else
                {
                    b.Deferred.Add(checkedAt + GateRecheckInterval);
                }
            }
        }
    }

    private static DecisionError? OnGatesChecked(DecisionBuilder b, GatesChecked g)
    {
        if (b.State.Approvals.TryGetValue(g.StepId, out var a) && a.IsOpen)
        {
            b.Emit(new GatesEvaluated(g.StepId, g.Results));
        }

        return null;
    }

    private static DecisionError? OnApprove(DecisionBuilder b, Approve input)
    {
        if (b.State.Status == RunStatus.RollingBack || b.State.ResumeTo == RunStatus.RollingBack)
        {
            return Illegal($"the run is rolling back; {input.Target} can no longer be approved");
        }

        if (!b.State.Approvals.TryGetValue(input.Target, out var a))
        {
            return Illegal($"no approval is pending for {input.Target}");
        }

        // A double click or a retried request counts once.
        if (a.Grants.Any(g => g.By == input.By.Id))
        {
            return null;
        }

        if (!a.IsOpen)
        {
            return new DecisionError(DecisionErrorCodes.AlreadyDecided, DescribeClosed(a));
        }

        if (CheckApprover(b.State, a, input.By) is { } denied)
        {
            return denied;
        }

        if (!a.WouldCount(input.By.Id))
        {
            return RoleQuotaMet(a, input.By.Id);
        }

        if (b.Runbook.FindStep(input.Target) is { Gates.Count: > 0 })
        {
            if (a.Gates is null)
            {
                return new DecisionError(DecisionErrorCodes.GatesPending, $"the gate evidence for {input.Target} is still being collected; approve again in a moment");
            }

            if (a.Gates.FirstOrDefault(x => !x.Passed) is { } failed)
            {
                return new DecisionError(DecisionErrorCodes.GateFailed, $"gate {failed.Gate} is failing ({failed.Evidence}); it must pass before {input.Target} can be approved");
            }
        }

        b.Emit(new ApprovalGranted(input.Target, input.By.Id, input.By.Source));
        if (!b.State.Approvals[input.Target].IsOpen && ApprovalTargets.IsGuard(input.Target))
        {
            var guard = b.Runbook.Guards.First(g => g.Id == ApprovalTargets.GuardId(input.Target));
            TripGuard(b, guard, $"approved by {string.Join(", ", b.State.Approvals[input.Target].Grants.Select(g => g.By))}");
        }

        return null;
    }

    private static DecisionError? OnReject(DecisionBuilder b, Reject input)
    {
        if (!b.State.Approvals.TryGetValue(input.Target, out var a))
        {
            return Illegal($"no approval is pending for {input.Target}");
        }

        if (a.Rejection?.By == input.By.Id)
        {
            return null;
        }

        if (!a.IsOpen)
        {
            return new DecisionError(DecisionErrorCodes.AlreadyDecided, DescribeClosed(a));
        }

        // Anyone who may approve may also say no, including the person who started the run.
        if (!a.Eligible.Contains(input.By.Id))
        {
            return NotEligible(b.State, input.Target, input.By);
        }

        b.Emit(new ApprovalRejected(input.Target, input.By.Id, input.By.Source, input.Reason));
        var because = $"rejected by {input.By.Id}" + (string.IsNullOrWhiteSpace(input.Reason) ? "" : $": {input.Reason}");
        if (ApprovalTargets.IsGuard(input.Target))
        {
            b.Emit(new GuardDismissed(ApprovalTargets.GuardId(input.Target), input.By.Id, input.By.Source, input.Reason));
        }
        else if (b.State.Status is RunStatus.Running or RunStatus.Paused)
        {
            var step = b.Runbook.FindStep(input.Target)!;
            ApplyFailurePolicy(b, step, b.State.Step(step.Id).Attempts, because);
        }

        return null;
    }

    private static DecisionError? CheckApprover(RunState state, ApprovalState a, Actor by)
    {
        if (!a.Eligible.Contains(by.Id))
        {
            return NotEligible(state, a.Target, by);
        }

        if (SpecOf(state, a.Target) is { ForbidSelf: true } && by.Id == state.StartedBy)
        {
            return new DecisionError(DecisionErrorCodes.SelfApproval, $"{by.Id} started this run and may not approve {a.Target} (forbid_self)");
        }

        return null;
    }

    private static DecisionError NotEligible(RunState state, string target, Actor by)
    {
        var roles = SpecOf(state, target)?.Roles ?? [];
        return new DecisionError(DecisionErrorCodes.NotAllowed, $"{by.Id} may not decide {target}: only {string.Join(" or ", roles)} may");
    }

    /// <summary>
    /// A grant that fills no open place is refused rather than recorded: the approver learns at once that the
    /// run still waits for someone else, and the audit shows only approvals that counted.
    /// </summary>
    private static DecisionError RoleQuotaMet(ApprovalState a, string user)
    {
        var progress = a.ProgressByRole();
        var granted = a.Grants.Select(g => g.By).ToList();
        var own = a.Quotas.Where(q => q.Members.Contains(user, StringComparer.Ordinal)).Select(q => q.Role).ToList();
        var why = own.Count == 0
            ? "none of their roles has a count in 'required'"
            : $"{string.Join(" and ", own)} already {(own.Count == 1 ? "has" : "have")} enough approvals ({a.ProgressText})";
        var missing = progress.Where(p => !p.Met).Select(p =>
        {
            var waiting = a.Quotas.First(q => q.Role == p.Role).Members.Except(granted, StringComparer.Ordinal).ToList();
            return $"{p.Role} {p.CountedBy.Count}/{p.Required}{(waiting.Count > 0 ? $" ({string.Join(", ", waiting)})" : "")}";
        });
        return new DecisionError(
            DecisionErrorCodes.RoleQuotaMet,
            $"{user}'s approval of {a.Target} would not count: {why}; still needed: {string.Join(", ", missing)}");
    }

    private static string DescribeClosed(ApprovalState a) =>
        a.Rejection is { } r
            ? $"{a.Target} was already rejected by {r.By}"
            : $"{a.Target} was already approved by {string.Join(", ", a.Grants.Select(g => g.By))}";

    private static DecisionError? OnCompleteManual(DecisionBuilder b, CompleteManual input)
    {
        if (b.Runbook.FindStep(input.StepId) is not { } step || !b.State.Steps.TryGetValue(input.StepId, out var s))
        {
            return new DecisionError(DecisionErrorCodes.UnknownStep, $"no step '{input.StepId}' in this run");
        }

        if (s.Status is StepStatus.Interrupted or StepStatus.Failed)
        {
            b.Emit(new StepMarkedDone(step.Id, input.By.Id, input.By.Source));
            ResumeIfUnblocked(b, input.By);
            return null;
        }

        if (step.Kind != StepKind.Manual || s.Status != StepStatus.AwaitingApproval)
        {
            return Illegal($"{step.Id} is {StatusNames.Of(s.Status)}; only a waiting manual task, or a failed or interrupted step, can be marked done");
        }

        if (step.Manual!.Roles.Count > 0 && !b.Runbook.UsersInRoles(step.Manual.Roles).Contains(input.By.Id))
        {
            return new DecisionError(DecisionErrorCodes.NotAllowed, $"{input.By.Id} may not tick off {step.Id}: only {string.Join(" or ", step.Manual.Roles)} may");
        }

        b.Emit(new ManualTaskDone(step.Id, input.By.Id, input.By.Source));
        return null;
    }
}
