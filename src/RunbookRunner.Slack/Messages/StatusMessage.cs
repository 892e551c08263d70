using System.Globalization;
using System.Text;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Messages;

/// <summary>
/// The one message per run that the war room watches, kept current with <c>chat.update</c>: title, state,
/// progress, what is happening now, plan vs actual with the forecast of the next timed steps, rehearsal marker.
/// </summary>
public static class StatusMessage
{
    private const int NextTimedSteps = 3;
    private const int CurrentLines = 8;

    public static SlackMessage Render(RunState state, RunTimeline timeline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timeline);
        var title = state.Runbook.Title ?? state.Runbook.Name;
        var (done, total) = Progress(state);
        var builder = new SlackMessageBuilder($"{(state.Rehearsal ? "[REHEARSAL] " : "")}{title}: {StatusNames.Of(state.Status)} ({done}/{total} steps)")
            .Header($"{(state.Rehearsal ? "🧪 REHEARSAL · " : "")}{Icon(state.Status)} {title}");

        var headline = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"*{Headline(state)}* · progress *{done}/{total}* steps")
            .Append(CultureInfo.InvariantCulture, $"\nT0 {Clock(state.T0, state)} {Text(state.Runbook.TimeZone, 60)}")
            .Append(state.Environment is { } env ? $" · environment *{Text(env, 60)}*" : "");
        if (state.Rehearsal)
        {
            headline.Append("\n🧪 _Rehearsal: actions are simulated, nothing is changed._");
        }

        builder.Section(headline.ToString());

        if (!state.IsTerminal && Current(state, now) is { Length: > 0 } current)
        {
            builder.Section("*Now*\n" + current);
        }

        if (state.Rollback is { } rollback)
        {
            builder.Section("*Rollback*\n" + RollbackLines(state, rollback));
        }

        builder.Section(PlanVersusActual(state, timeline));
        builder.Context($"Run `{state.RunId}` · started by {Mention(state.StartedBy)} · updated {Clock(now, state)}");
        return builder.Build();
    }

    /// <summary>Finished steps (succeeded, skipped, undone, failed and tolerated) out of all steps.</summary>
    public static (int Done, int Total) Progress(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return (state.Steps.Values.Count(s => s.IsFinished), state.Steps.Count);
    }

    internal static string Icon(RunStatus status) => status switch
    {
        RunStatus.Scheduled => "🗓",
        RunStatus.Running => "🚀",
        RunStatus.Paused => "⏸",
        RunStatus.Succeeded => "✅",
        RunStatus.Failed => "💥",
        RunStatus.Aborted => "🛑",
        RunStatus.RollingBack => "⏪",
        RunStatus.RolledBack => "⏪",
        _ => "•",
    };

    private static string Headline(RunState state) => state.Status switch
    {
        RunStatus.Succeeded => $"Succeeded{Took(state)}",
        RunStatus.Failed => $"Failed: {Text(state.EndReason, 300)}",
        RunStatus.Aborted => $"Aborted: {Text(state.EndReason, 300)}",
        RunStatus.RolledBack => $"Rolled back{Took(state)}",
        RunStatus.RollingBack => "Rolling back",
        RunStatus.Paused => $"Paused: {Text(state.PauseReason, 300)}",
        RunStatus.Scheduled => "Scheduled",
        _ => "Running",
    };

    private static string Took(RunState state) =>
        state.StartedAt is { } started && state.FinishedAt is { } finished ? $" in {Duration(finished - started)}" : "";

    private static string Current(RunState state, DateTimeOffset now)
    {
        var lines = new List<string>();
        foreach (var step in state.Runbook.Steps)
        {
            var s = state.Steps[step.Id];
            var line = s.Status switch
            {
                StepStatus.Running => $"▶ {Code(step.Id)} running for {Duration(now - (s.StartedAt ?? now))}{(s.Attempts > 1 ? $" (attempt {s.Attempts})" : "")}",
                StepStatus.AwaitingApproval when step.Kind == StepKind.Manual => $"☐ {Code(step.Id)} manual task: {Text(step.DisplayName, 200)}",
                StepStatus.AwaitingApproval => $"✋ {Code(step.Id)} awaiting approval{ApprovalProgress(state, step.Id)}",
                StepStatus.Waiting when s.WaitingUntil is { } until => $"… {Code(step.Id)} waits until {Clock(until, state)}{(s.WaitReason is { } r ? $" ({Text(r, 40)})" : "")}",
                StepStatus.Failed when !s.FailureTolerated => $"✖ {Code(step.Id)} failed: {Text(s.Error, 300)}",
                StepStatus.Interrupted => $"⚠ {Code(step.Id)} interrupted: a person must decide",
                _ => null,
            };
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        foreach (var approval in state.Approvals.Values.Where(a => a.IsOpen && ApprovalTargets.IsGuard(a.Target)))
        {
            lines.Add($"✋ guard {Code(ApprovalTargets.GuardId(approval.Target))} asks to act{ApprovalProgress(state, approval.Target)}");
        }

        if (lines.Count > CurrentLines)
        {
            var more = lines.Count - CurrentLines;
            lines = [.. lines.Take(CurrentLines), $"… and {more} more"];
        }

        return string.Join('\n', lines);
    }

    private static string ApprovalProgress(RunState state, string target) =>
        state.Approvals.TryGetValue(target, out var a) ? $" ({Text(a.ProgressText, 200)})" : "";

    private static string RollbackLines(RunState state, RollbackState rollback)
    {
        var header = $"Reason: {Text(rollback.Reason, 300)}";
        if (rollback.Items is not { } items)
        {
            return header + "\n_waiting for running steps to stop before undoing_";
        }

        var done = items.Count(i => i.Status is CompensationStatus.Succeeded or CompensationStatus.Skipped);
        var lines = items.Select(i => $"{CompensationIcon(i.Status)} undo {Code(i.Item.StepId)}{(i.Status is CompensationStatus.Failed or CompensationStatus.Tolerated ? $": {Text(i.Error, 200)}" : "")}");
        return $"{header}\n{done}/{items.Count} undone\n{string.Join('\n', lines.Take(12))}";
    }

    internal static string CompensationIcon(CompensationStatus status) => status switch
    {
        CompensationStatus.Succeeded => "✔",
        CompensationStatus.Failed or CompensationStatus.Tolerated => "✖",
        CompensationStatus.Skipped => "⏭",
        CompensationStatus.Running => "▶",
        _ => "·",
    };

    private static string PlanVersusActual(RunState state, RunTimeline timeline)
    {
        var text = new StringBuilder("*Plan vs actual*\n");
        text.Append(timeline.Lateness > TimeSpan.FromSeconds(1) ? $"⏱ {Duration(timeline.Lateness)} behind plan" : "✓ on plan");
        if (timeline is { Plan: { } plan, Forecast: { } forecast })
        {
            var finishWord = state.IsTerminal ? "finished" : "forecast finish";
            text.Append(CultureInfo.InvariantCulture, $" · {finishWord} {Clock(forecast.ForecastFinish, state)}, planned {Clock(plan.PlannedFinish, state)}");
            if (!state.IsTerminal)
            {
                var next = forecast.NextTimedSteps.Take(NextTimedSteps).ToList();
                if (next.Count > 0)
                {
                    text.Append("\n*Next timed steps*");
                    foreach (var step in next)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\n• {Code(step.Id)} at {step.Anchor} → {Clock(step.ForecastStart, state)}{LateBy(step)}");
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string LateBy(StepForecast step) =>
        step.Lateness > TimeSpan.FromSeconds(1) ? $" ({Duration(step.Lateness)} late)" : " (on time)";
}
