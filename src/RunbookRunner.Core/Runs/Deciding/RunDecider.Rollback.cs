using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

public static partial class RunDecider
{
    /// <summary>
    /// Once nothing is running any more, plan the undo of every completed step in reverse completion
    /// order followed by the rollback list; then run them one at a time, in order.
    /// </summary>
    private static void AdvanceRollback(DecisionBuilder b)
    {
        var rollback = b.State.Rollback!;
        if (!rollback.IsPlanned)
        {
            if (b.State.Steps.Values.Any(s => s.Status == StepStatus.Running && b.Runbook.FindStep(s.Id)?.Kind == Model.StepKind.Action))
            {
                return;
            }

            b.Emit(new CompensationPlanned(PlanCompensation(b.State)));
            return;
        }

        if (b.State.Status != RunStatus.RollingBack)
        {
            return;
        }

        var next = rollback.Items!.FirstOrDefault(c => c.Status is not (CompensationStatus.Succeeded or CompensationStatus.Skipped or CompensationStatus.Tolerated));
        if (next is null)
        {
            var skipped = rollback.Items!.Where(c => c.Status == CompensationStatus.Skipped).Select(c => c.Item.StepId).ToList();
            b.Emit(skipped.Count == 0
                ? new RunRolledBack()
                : new RunFailed($"rollback incomplete: the undo of {string.Join(", ", skipped)} was skipped"));
            return;
        }

        if (next.Status == CompensationStatus.Pending || (next.Status == CompensationStatus.Failed && next.RetryAt <= b.Now))
        {
            b.Emit(new CompensationStarted(next.Item.Index, next.Item.StepId, next.Attempts + 1));
        }
    }

    private static List<CompensationItem> PlanCompensation(RunState state)
    {
        var items = new List<CompensationItem>();
        foreach (var id in state.CompletionOrder.Reverse().Distinct())
        {
            if (state.Runbook.FindStep(id) is { Undo: not null } && state.Steps.TryGetValue(id, out var s) && s.Status == StepStatus.Succeeded)
            {
                items.Add(new CompensationItem(items.Count, id, false));
            }
        }

        // Rollback steps limited by `only:` to other environments do not belong to this run's rollback.
        foreach (var step in state.Runbook.Rollback.Where(s => s.Only.Count == 0 || (state.Environment is { } env && s.Only.Contains(env))))
        {
            items.Add(new CompensationItem(items.Count, step.Id, true));
        }

        return items;
    }

    /// <summary>The action an undo item runs: the step's <c>undo</c>, or the rollback step's action.</summary>
    internal static ExecuteCompensation CompensationCommand(RunState state, CompensationStarted c)
    {
        var step = state.Runbook.FindStep(c.StepId)!;
        var item = state.Rollback!.Items![c.Index].Item;
        var call = item.IsRollbackStep ? step.Action! : step.Undo!;
        return new ExecuteCompensation(c.Index, c.StepId, c.Attempt, call, state.Runbook.TimeoutOf(step));
    }

    private static DecisionError? OnCompensationFinished(DecisionBuilder b, CompensationFinished f)
    {
        var items = b.State.Rollback?.Items;
        if (items is null || f.Index < 0 || f.Index >= items.Count || items[f.Index].Status != CompensationStatus.Running || items[f.Index].Attempts != f.Attempt)
        {
            return null;
        }

        var item = items[f.Index].Item;
        if (f.Result.Succeeded)
        {
            b.Emit(new CompensationSucceeded(f.Index, item.StepId, f.Result.Summary));
            return null;
        }

        var error = f.Result.Error ?? f.Result.Summary ?? "failed";
        var step = b.Runbook.FindStep(item.StepId);
        var retry = b.Runbook.RetryOf(step!);
        if (f.Result.Retryable && f.Attempt < retry.Attempts && b.State.Status == RunStatus.RollingBack)
        {
            b.Emit(new CompensationFailed(f.Index, item.StepId, error, RetryAt: b.Now + retry.DelayBefore(f.Attempt + 1)));
            return null;
        }

        if (item.IsRollbackStep && b.Runbook.OnFailureOf(step!) == Model.FailurePolicy.Continue)
        {
            b.Emit(new CompensationFailed(f.Index, item.StepId, error, Continued: true));
            return null;
        }

        b.Emit(new CompensationFailed(f.Index, item.StepId, error));
        b.Emit(new RunPaused($"the undo of {item.StepId} failed: {error} (choose retry, skip or abort)", StepId: item.StepId));
        return null;
    }
}
