using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Engine.Rehearsal;

/// <summary>The answers an unattended rehearsal gives in people's place, shared by the CLI driver and the server.</summary>
public static class RehearsalAnswers
{
    /// <summary>
    /// Approves as the eligible people, the run's starter last so <c>forbid_self</c> is honoured, until the approval
    /// closes; with per-role counts only people whose approval fills an open role place are asked.
    /// </summary>
    public static async Task ApproveAsync(RunEngine engine, RunState state, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(state);
        var approval = state.Approvals[target];
        var approvers = approval.Eligible.Where(u => u != state.StartedBy).Concat(approval.Eligible.Where(u => u == state.StartedBy)).ToList();
        foreach (var user in approvers)
        {
            if (!approval.WouldCount(user))
            {
                continue;
            }

            var result = await engine.SubmitAsync(state.RunId, new Approve(target, new Actor(user, "rehearsal")), null, cancellationToken).ConfigureAwait(false);
            if (!result.State.Approvals.TryGetValue(target, out var after) || !after.IsOpen)
            {
                return;
            }

            // Only a refusal of this person (forbid_self) is worth trying the next one; gates pending or a closed run are not.
            if (result.Error is { IsPermissionDenial: false })
            {
                return;
            }

            approval = after;
        }
    }

    /// <summary>Ticks off a manual task as the first person who may.</summary>
    public static Task CompleteManualAsync(RunEngine engine, RunState state, string stepId, IReadOnlyList<string> eligible, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(eligible);
        var who = eligible.Count > 0 ? eligible[0] : state.StartedBy;
        return engine.SubmitAsync(state.RunId, new CompleteManual(stepId, new Actor(who, "rehearsal")), null, cancellationToken);
    }

    /// <summary>
    /// Answers a waiting manual task in people's place: marks it failed when the rehearsal injects a failure into it
    /// (<c>--fail STEP</c>, or <c>STEP:N</c> for its first N answers) and the task may fail, ticks it off otherwise.
    /// <c>answer</c> counts the answers to this task: 1 for the first, 2 after a retry, and so on.
    /// </summary>
    public static Task AnswerManualAsync(
        RunEngine engine, RunState state, string stepId, IReadOnlyList<string> eligible, RehearsalSettings? settings, int answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(eligible);
        if (!ShouldFailManual(state, stepId, settings, answer))
        {
            return CompleteManualAsync(engine, state, stepId, eligible, cancellationToken);
        }

        var who = eligible.Count > 0 ? eligible[0] : state.StartedBy;
        var input = new FailManual(stepId, new Actor(who, "rehearsal"), $"injected failure (rehearsal --fail {stepId})");
        return engine.SubmitAsync(state.RunId, input, null, cancellationToken);
    }

    /// <summary>True when the rehearsal makes this answer to manual task <paramref name="stepId"/> a failure.</summary>
    public static bool ShouldFailManual(RunState state, string stepId, RehearsalSettings? settings, int answer)
    {
        ArgumentNullException.ThrowIfNull(state);
        return settings is not null
            && settings.ShouldFail(stepId, answer)
            && state.Runbook.FindStep(stepId)?.Manual is { CanFail: true };
    }
}
