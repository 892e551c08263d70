using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Messages;

/// <summary>A manual task (a person does it and ticks it off): its instructions and a Done button (and Failed, when the task may fail) while it waits.</summary>
public static class ManualTaskMessage
{
    public static SlackMessage Render(RunState state, string stepId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = state.Runbook.FindStep(stepId) ?? throw new ArgumentException($"Run {state.RunId} has no step '{stepId}'.", nameof(stepId));
        var manual = step.Manual ?? throw new ArgumentException($"Step '{stepId}' is not a manual task.", nameof(stepId));
        var s = state.Steps[stepId];
        var waiting = s.Status == StepStatus.AwaitingApproval && !state.IsTerminal;
        var roles = manual.Roles.Count > 0 ? manual.Roles : [.. state.Runbook.Roles.Keys];
        var icon = s.Status switch { StepStatus.Succeeded => "☑", StepStatus.Failed => "✖", _ => "☐" };
        var builder = new SlackMessageBuilder($"Manual task {(waiting ? "waiting" : "closed")}: {manual.Title}")
            .Section($"{icon} *Manual task:* {Text(manual.Title, 300)} ({Code(stepId)})"
                + (manual.Instructions is { Length: > 0 } instructions ? "\n" + Text(instructions, 1500) : ""));
        if (waiting)
        {
            builder.Section($"Tick it off when done: {Text(string.Join(", ", roles), 200)} ({Mentions(state.Runbook.UsersInRoles(roles).Take(20))})")
                .Actions("manual", manual.CanFail
                    ? new[] { WarRoomButtons.Done(state.RunId, stepId), WarRoomButtons.Failed(state.RunId, stepId) }
                    : new[] { WarRoomButtons.Done(state.RunId, stepId) });
        }
        else if (s.Status == StepStatus.Succeeded && s.DoneBy is { } by)
        {
            builder.Context($"☑ done by {Mention(by)}{(s.FinishedAt is { } at ? $" at {Clock(at, state)}" : "")}");
        }
        else if (s.Status == StepStatus.Failed && s.Error is { Length: > 0 } error)
        {
            // Marked failed by a person (outcomes [done, failed]): say who and why; on_failure did the rest.
            builder.Context($"✖ {Text(error, 300)}{(s.FinishedAt is { } at ? $" at {Clock(at, state)}" : "")}");
        }
        else
        {
            builder.Context(state.IsTerminal
                ? $"Closed: the run is {StatusNames.Of(state.Status).Replace('_', ' ')}."
                : $"Closed: {Code(stepId)} is {StatusNames.Of(s.Status).Replace('_', ' ')}.");
        }

        builder.Context($"Run `{state.RunId}` · {Text(state.Runbook.Title ?? state.Runbook.Name, 100)}");
        return builder.Build();
    }
}
