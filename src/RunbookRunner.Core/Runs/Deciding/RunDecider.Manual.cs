using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

/// <summary>Manual tasks marked failed.</summary>
public static partial class RunDecider
{
    private static DecisionError? OnFailManual(DecisionBuilder b, FailManual input)
    {
        if (b.Runbook.FindStep(input.StepId) is not { } step || !b.State.Steps.TryGetValue(input.StepId, out var s))
        {
            return new DecisionError(DecisionErrorCodes.UnknownStep, $"no step '{input.StepId}' in this run");
        }

        if (step.Kind != StepKind.Manual)
        {
            return Illegal($"{step.Id} is not a manual task; only a manual task with outcomes [done, failed] can be marked failed");
        }

        if (!step.Manual!.CanFail)
        {
            return Illegal($"{step.Id} cannot be marked failed: its outcomes are done only (add outcomes: [done, failed] to the manual task)");
        }

        if (s.Status != StepStatus.AwaitingApproval)
        {
            return Illegal($"{step.Id} is {StatusNames.Of(s.Status)}; only a waiting manual task can be marked failed");
        }

        if (b.State.Status is RunStatus.RollingBack || b.State.ResumeTo == RunStatus.RollingBack)
        {
            return Illegal($"the run is rolling back; {step.Id} can no longer be marked failed");
        }

        if (step.Manual.Roles.Count > 0 && !b.Runbook.UsersInRoles(step.Manual.Roles).Contains(input.By.Id))
        {
            return new DecisionError(DecisionErrorCodes.NotAllowed, $"{input.By.Id} may not mark {step.Id} failed: only {string.Join(" or ", step.Manual.Roles)} may");
        }

        var reason = string.IsNullOrWhiteSpace(input.Reason) ? "no reason given" : input.Reason.Trim();

        // A manual task has no attempts of its own; narration and reports count this as its first.
        ApplyFailurePolicy(b, step, Math.Max(1, s.Attempts), $"marked failed by {input.By.Id}: {reason}", input.By);
        return null;
    }
}
