using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Runs.Deciding;

public static partial class RunDecider
{
    private static void AdvanceSteps(DecisionBuilder b)
    {
        foreach (var step in b.Runbook.Steps)
        {
            if (b.State.Status != RunStatus.Running)
            {
                return;
            }

            var s = b.State.Step(step.Id);
            switch (s.Status)
            {
                case StepStatus.Pending:
                    AdvancePending(b, step, s);
                    break;
                case StepStatus.Waiting when s.WaitingUntil <= b.Now:
                    if (s.WaitReason is "retry" or "occurrence")
                    {
                        b.Emit(new StepStarted(step.Id, s.Attempts + 1, s.WaitReason == "occurrence" ? s.WaitingUntil : null));
                    }
                    else
                    {
                        Begin(b, step);
                    }

                    break;
                case StepStatus.AwaitingApproval when s.Approved && step.Kind != StepKind.Manual:
                    if (step.Kind == StepKind.Approval)
                    {
                        var grants = b.State.Approvals[step.Id].Grants.Select(g => g.By);
                        b.Emit(new StepSucceeded(step.Id, 1, $"approved by {string.Join(", ", grants)}", new Dictionary<string, string>()));
                    }
                    else
                    {
                        Execute(b, step);
                    }

                    break;
            }
        }
    }

    private static void AdvancePending(DecisionBuilder b, Step step, StepState s)
    {
        if (!b.Runbook.DependenciesOf(step).All(d => b.State.Steps.TryGetValue(d, out var dep) && dep.IsFinished))
        {
            return;
        }

        // Skipped in its turn, so the steps after it still wait for the steps before it.
        if (step.Only.Count > 0 && (b.State.Environment is null || !step.Only.Contains(b.State.Environment)))
        {
            b.Emit(new StepSkipped(step.Id, $"runs only in {string.Join(", ", step.Only)}"));
            return;
        }

        if (!s.RetryRequested && b.State.AnchorOf(step) is { } anchor && anchor > b.Now && s.Attempts == 0)
        {
            b.Emit(new StepWaiting(step.Id, anchor, "anchor"));
            return;
        }

        Begin(b, step);
    }

    /// <summary>Starts a step whose dependencies and time have come: approval first, then its work.</summary>
    private static void Begin(DecisionBuilder b, Step step)
    {
        var s = b.State.Step(step.Id);
        if (step.Approval is { } approval && !s.Approved)
        {
            RequestApproval(b, step.Id, approval);
            return;
        }

        Execute(b, step);
    }

    private static void Execute(DecisionBuilder b, Step step)
    {
        var s = b.State.Step(step.Id);
        switch (step.Kind)
        {
            case StepKind.Manual:
                var eligible = step.Manual!.Roles.Count > 0 ? b.Runbook.UsersInRoles(step.Manual.Roles) : [];
                b.Emit(new ManualTaskRequested(step.Id, eligible));
                break;
            case StepKind.Wait:
                b.Emit(new StepStarted(step.Id, s.Attempts + 1, b.State.AnchorOf(step)));
                break;
            case StepKind.Action:
                b.Emit(new StepStarted(step.Id, s.Attempts + 1, s.Attempts == 0 ? b.State.AnchorOf(step) : null));
                break;
            case StepKind.Approval:
                // An approval step whose approval was already granted has nothing more to do.
                b.Emit(new StepSucceeded(step.Id, 1, "approved", new Dictionary<string, string>()));
                break;
        }
    }

    private static void FinishElapsedWaits(DecisionBuilder b)
    {
        foreach (var step in b.Runbook.Steps.Where(x => x.Kind == StepKind.Wait))
        {
            var s = b.State.Step(step.Id);
            if (s.Status == StepStatus.Running && s.StartedAt + step.Wait <= b.Now)
            {
                b.Emit(new StepSucceeded(step.Id, s.Attempts, $"waited {Durations.Format(step.Wait!.Value)}", new Dictionary<string, string>()));
            }
        }
    }

    private static DecisionError? OnActionFinished(DecisionBuilder b, ActionFinished f)
    {
        if (!b.State.Steps.TryGetValue(f.StepId, out var s))
        {
            return new DecisionError(DecisionErrorCodes.UnknownStep, $"no step '{f.StepId}' in this run");
        }

        // A result for an attempt that is no longer current (cancelled, superseded) changes nothing.
        if (s.Status != StepStatus.Running || s.Attempts != f.Attempt)
        {
            return null;
        }

        var step = b.Runbook.FindStep(f.StepId)!;
        if (f.Result.Succeeded)
        {
            b.Emit(new StepSucceeded(f.StepId, f.Attempt, f.Result.Summary, f.Result.Outputs));
            return null;
        }

        var error = f.Result.Error ?? f.Result.Summary ?? "failed";
        var retry = b.Runbook.RetryOf(step);
        if (b.State.Status == RunStatus.Running && f.Result.Retryable && f.Attempt < retry.Attempts)
        {
            b.Emit(new StepFailed(f.StepId, f.Attempt, error, b.Now + retry.DelayBefore(f.Attempt + 1)));
            return null;
        }

        if (b.State.Status is RunStatus.RollingBack || b.State.ResumeTo == RunStatus.RollingBack)
        {
            b.Emit(new StepFailed(f.StepId, f.Attempt, error));
            return null;
        }

        ApplyFailurePolicy(b, step, f.Attempt, error);
        return null;
    }

    /// <summary>A step failed for good (or was rejected, or marked failed <paramref name="by"/> a person): do what its on_failure says.</summary>
    private static void ApplyFailurePolicy(DecisionBuilder b, Step step, int attempt, string error, Actor? by = null)
    {
        var policy = b.Runbook.OnFailureOf(step);
        b.Emit(new StepFailed(step.Id, attempt, error, Tolerated: policy == FailurePolicy.Continue, By: by?.Id, Source: by?.Source));
        var reason = $"step {step.Id} failed: {error}";
        switch (policy)
        {
            case FailurePolicy.Pause:
                b.Emit(new RunPaused(reason + " (choose retry, skip, roll back or abort)", StepId: step.Id));
                break;
            case FailurePolicy.Rollback:
                b.Emit(new RollbackStarted(reason));
                break;
            case FailurePolicy.Abort:
                b.Emit(new RunFailed(reason));
                break;
        }
    }

    private static void CompleteIfDone(DecisionBuilder b)
    {
        if (b.State.Status != RunStatus.Running || !b.State.Steps.Values.All(s => s.IsFinished))
        {
            return;
        }

        foreach (var g in b.State.Guards.Values.Where(g => g.Status == GuardStatus.Pending))
        {
            // The step a guard starts from was skipped or failed-and-tolerated: there is nothing to watch.
            b.Emit(new GuardExpired(g.Id));
        }

        if (b.State.Guards.Values.All(g => g.Status is GuardStatus.Expired or GuardStatus.Tripped))
        {
            b.Emit(new RunSucceeded());
        }
    }
}
