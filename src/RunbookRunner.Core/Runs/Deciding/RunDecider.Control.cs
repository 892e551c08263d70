using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Core.Runs.Deciding;

public static partial class RunDecider
{
    private static DecisionError? OnPause(DecisionBuilder b, PauseRun input)
    {
        if (b.State.Status is not (RunStatus.Running or RunStatus.RollingBack))
        {
            return Illegal($"the run is {StatusNames.Of(b.State.Status)}; only a running run can be paused");
        }

        b.Emit(new RunPaused($"paused by {input.By.Id}", input.By.Id, input.By.Source));
        return null;
    }

    private static DecisionError? OnResume(DecisionBuilder b, ResumeRun input)
    {
        if (b.State.Status != RunStatus.Paused)
        {
            return Illegal($"the run is {StatusNames.Of(b.State.Status)}, not paused");
        }

        if (Blocker(b.State) is { } blocker)
        {
            return Illegal($"{blocker}: choose retry, skip, roll back or abort before resuming");
        }

        b.Emit(new RunResumed(input.By.Id, input.By.Source));
        return null;
    }

    private static DecisionError? OnAbort(DecisionBuilder b, AbortRun input)
    {
        b.Emit(new RunAborted(input.Reason ?? $"aborted by {input.By.Id}", input.By.Id, input.By.Source));
        return null;
    }

    private static DecisionError? OnRollback(DecisionBuilder b, RollbackRun input)
    {
        if (b.State.Rollback is not null)
        {
            return Illegal("the run is already rolling back");
        }

        if (b.State.Status == RunStatus.Paused)
        {
            b.Emit(new RunResumed(input.By.Id, input.By.Source));
        }

        b.Emit(new RollbackStarted(input.Reason ?? $"rollback requested by {input.By.Id}", input.By.Id, input.By.Source));
        return null;
    }

    private static DecisionError? OnRetry(DecisionBuilder b, RetryStep input)
    {
        if (FailedCompensation(b.State, input.StepId) is { } comp)
        {
            b.Emit(new RunResumed(input.By.Id, input.By.Source));
            b.Emit(new CompensationStarted(comp.Item.Index, comp.Item.StepId, comp.Attempts + 1));
            return null;
        }

        if (!b.State.Steps.TryGetValue(input.StepId, out var s))
        {
            return new DecisionError(DecisionErrorCodes.UnknownStep, $"no step '{input.StepId}' in this run");
        }

        if (s.Status is not (StepStatus.Failed or StepStatus.Interrupted) || b.State.Rollback is not null)
        {
            return Illegal($"{input.StepId} is {StatusNames.Of(s.Status)}; only a failed or interrupted step can be retried");
        }

        b.Emit(new StepRetried(input.StepId, input.By.Id, input.By.Source));
        ResumeIfUnblocked(b, input.By);
        return null;
    }

    private static DecisionError? OnSkip(DecisionBuilder b, SkipStep input)
    {
        if (FailedCompensation(b.State, input.StepId) is { } comp)
        {
            b.Emit(new CompensationSkipped(comp.Item.Index, comp.Item.StepId, input.By.Id, input.By.Source));
            b.Emit(new RunResumed(input.By.Id, input.By.Source));
            return null;
        }

        if (!b.State.Steps.TryGetValue(input.StepId, out var s))
        {
            return new DecisionError(DecisionErrorCodes.UnknownStep, $"no step '{input.StepId}' in this run");
        }

        if (s.Status is StepStatus.Running or StepStatus.Succeeded or StepStatus.Skipped or StepStatus.Compensated || b.State.Rollback is not null
            || (s.Status == StepStatus.Failed && s.FailureTolerated))
        {
            return Illegal($"{input.StepId} is {StatusNames.Of(s.Status)} and cannot be skipped");
        }

        b.Emit(new StepSkipped(input.StepId, $"skipped by {input.By.Id}", input.By.Id, input.By.Source));
        ResumeIfUnblocked(b, input.By);
        return null;
    }

    /// <summary>After a person settled the step that paused the run, the run continues by itself.</summary>
    private static void ResumeIfUnblocked(DecisionBuilder b, Actor by)
    {
        if (b.State.Status == RunStatus.Paused && b.State.PausedForStep is not null && Blocker(b.State) is null)
        {
            b.Emit(new RunResumed(by.Id, by.Source));
        }
    }

    /// <summary>What keeps a paused run from resuming: a failed or interrupted step, or a failed undo.</summary>
    private static string? Blocker(RunState state)
    {
        if (state.Steps.Values.FirstOrDefault(s => s.Status == StepStatus.Interrupted || (s.Status == StepStatus.Failed && !s.FailureTolerated)) is { } step)
        {
            return $"step {step.Id} is {StatusNames.Of(step.Status)}";
        }

        if (state.Rollback?.Items?.FirstOrDefault(c => c.Status == CompensationStatus.Failed) is { } comp)
        {
            return $"the undo of {comp.Item.StepId} failed";
        }

        return null;
    }

    private static CompensationState? FailedCompensation(RunState state, string stepId) =>
        state.Rollback?.Items?.FirstOrDefault(c => c.Item.StepId == stepId && c.Status == CompensationStatus.Failed);

    /// <summary>
    /// After a crash: an idempotent step that was running is started again with the same attempt (same
    /// idempotency key; journaled, so only one node takes it over); any other becomes interrupted and
    /// the run pauses for a person.
    /// </summary>
    private static void RecoverInterrupted(DecisionBuilder b, Recover input)
    {
        foreach (var s in b.State.RunningSteps.Where(s => (input.OrphanedSteps?.Contains(s.Id) ?? true) && IsOrphan(input, s.Node, s.AttemptStartedAt)).ToList())
        {
            var step = b.Runbook.FindStep(s.Id)!;
            if (step.Kind != StepKind.Action)
            {
                continue;
            }

            if (IsIdempotent(step.Idempotent, step.Action!))
            {
                b.Emit(new StepStarted(step.Id, s.Attempts));
            }
            else
            {
                b.Emit(new StepInterrupted(step.Id, s.Attempts));
                b.Emit(new RunPaused($"step {step.Id} was interrupted while it ran and is not idempotent (choose retry, mark done, roll back or abort)", StepId: step.Id));
            }
        }

        foreach (var c in b.State.Rollback?.Items?.Where(c => c.Status == CompensationStatus.Running && (input.OrphanedSteps?.Contains(c.Item.StepId) ?? true)
            && IsOrphan(input with { FromNode = null }, null, c.StartedAt)).ToList() ?? [])
        {
            var call = CompensationCommand(b.State, new CompensationStarted(c.Item.Index, c.Item.StepId, c.Attempts)).Call;
            if (IsIdempotent(null, call))
            {
                b.Emit(new CompensationStarted(c.Item.Index, c.Item.StepId, c.Attempts));
            }
            else
            {
                b.Emit(new CompensationFailed(c.Item.Index, c.Item.StepId, "interrupted while it ran and not idempotent: retry or skip it"));
                b.Emit(new RunPaused($"the undo of {c.Item.StepId} was interrupted (choose retry, skip or abort)", StepId: c.Item.StepId));
            }
        }
    }

    /// <summary>The attempt is still the one the recovering node saw orphaned (not one started since, here or elsewhere).</summary>
    private static bool IsOrphan(Recover input, string? node, DateTimeOffset? attemptStartedAt) =>
        (input.FromNode is null || node == input.FromNode)
        && (input.StartedBefore is not { } before || attemptStartedAt is not { } started || started < before);

    private static bool IsIdempotent(bool? declared, ActionCall call) =>
        declared ?? ActionCatalog.Find(call.Type)?.Idempotent ?? false;
}
