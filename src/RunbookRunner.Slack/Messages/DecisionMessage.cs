using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Messages;

/// <summary>
/// The choice the war room must make when a step failed with <c>on_failure: pause</c>, was interrupted, or an undo
/// failed: Retry / Skip (or Mark done) / Roll back / Abort for operators while the choice is open; afterwards what
/// was decided. Rendered from the run's state so it can be redrawn in place at any time.
/// </summary>
public static class DecisionMessage
{
    /// <summary>True while the run waits for a person to settle <paramref name="stepId"/>.</summary>
    public static bool IsOpen(RunState state, string stepId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsTerminal)
        {
            return false;
        }

        if (FailedUndo(state, stepId) is not null)
        {
            return true;
        }

        return state.Rollback is null && state.Steps.TryGetValue(stepId, out var s)
            && (s.Status == StepStatus.Interrupted || (s.Status == StepStatus.Failed && !s.FailureTolerated));
    }

    /// <summary>
    /// Renders the choice for <paramref name="stepId"/> (or the step whose undo failed): <paramref name="problem"/> is
    /// what went wrong as first narrated, <paramref name="resolution"/> what a person decided once known.
    /// </summary>
    public static SlackMessage Render(RunState state, string stepId, string problem, string? resolution)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stepId);
        ArgumentNullException.ThrowIfNull(problem);
        var open = IsOpen(state, stepId);
        var builder = new SlackMessageBuilder($"{(open ? "Decision needed" : "Decided")}: {stepId}")
            .Section(problem);
        if (open)
        {
            var undo = FailedUndo(state, stepId) is not null;
            builder.Section(undo
                ? "The rollback is paused. *Retry* the undo, *Skip* it, or *Abort* the run."
                : "The run is paused until an operator chooses (anyone in the runbook's roles).");
            var buttons = new List<ButtonElement> { WarRoomButtons.Retry(state.RunId, stepId) };
            if (undo)
            {
                buttons.Add(WarRoomButtons.Skip(state.RunId, stepId));
            }
            else
            {
                buttons.Add(state.Steps[stepId].Status == StepStatus.Interrupted
                    ? WarRoomButtons.MarkDone(state.RunId, stepId)
                    : WarRoomButtons.Skip(state.RunId, stepId));
                buttons.Add(WarRoomButtons.Rollback(state.RunId, stepId));
            }

            buttons.Add(WarRoomButtons.Abort(state.RunId, stepId));
            builder.Actions("decision", [.. buttons]);
        }
        else
        {
            builder.Context(resolution ?? Settled(state, stepId));
        }

        builder.Context($"Run `{state.RunId}` · {Text(state.Runbook.Title ?? state.Runbook.Name, 100)}");
        return builder.Build();
    }

    /// <summary>How a settled decision looks from the state alone (when the deciding event is not at hand).</summary>
    public static string Settled(RunState state, string stepId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsTerminal)
        {
            return $"Closed: the run is {StatusNames.Of(state.Status).Replace('_', ' ')}.";
        }

        if (state.Rollback is not null && FailedUndo(state, stepId) is null && state.Rollback.Items?.Any(i => i.Item.StepId == stepId) != true)
        {
            return "Closed: the run is rolling back.";
        }

        return state.Steps.TryGetValue(stepId, out var s) ? $"Settled: {Code(stepId)} is now {StatusNames.Of(s.Status).Replace('_', ' ')}." : "Settled.";
    }

    private static CompensationState? FailedUndo(RunState state, string stepId) =>
        state.Rollback?.Items?.FirstOrDefault(c => c.Item.StepId == stepId && c.Status == CompensationStatus.Failed);
}
