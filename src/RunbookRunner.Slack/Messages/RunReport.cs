using System.Text;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Messages;

/// <summary>
/// The final summary posted in the run's thread when it ends: outcome, duration, lateness, the timeline of every
/// step (planned vs actual start, duration, attempts, who decided), the rollback and the approvals.
/// </summary>
public static class RunReport
{
    private const int MaxSectionText = 2900;
    private const int MaxTimelineBlocks = 40;

    /// <summary>The summary; with <paramref name="reportUrl"/> it ends with a link to the full launch report.</summary>
    public static SlackMessage Render(RunState state, RunTimeline timeline, string? reportUrl = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timeline);
        var title = state.Runbook.Title ?? state.Runbook.Name;
        var builder = new SlackMessageBuilder($"Report: {title} {StatusNames.Of(state.Status).Replace('_', ' ')}")
            .Header($"{StatusMessage.Icon(state.Status)} Launch report: {title}{(state.Rehearsal ? " (rehearsal)" : "")}");

        var summary = new StringBuilder($"*{Outcome(state)}*");
        if (state.StartedAt is { } started)
        {
            summary.Append($"\nStarted {Clock(started, state)}");
            if (state.FinishedAt is { } finished)
            {
                summary.Append($", ended {Clock(finished, state)} after {Duration(finished - started)}");
            }
        }

        summary.Append(timeline.Lateness > TimeSpan.FromSeconds(1) ? $"\nAt most {Duration(timeline.Lateness)} behind plan" : "\nOn plan throughout");
        if (timeline is { Plan: { } plan, Forecast: { } forecast })
        {
            summary.Append($" · planned finish {Clock(plan.PlannedFinish, state)}, actual {Clock(forecast.ForecastFinish, state)}");
        }

        builder.Section(summary.ToString());
        foreach (var chunk in Chunks("*Timeline*", TimelineLines(state, timeline)).Take(MaxTimelineBlocks))
        {
            builder.Section(chunk);
        }

        if (state.Rollback?.Items is { Count: > 0 } items)
        {
            var lines = items.Select(i => $"{StatusMessage.CompensationIcon(i.Status)} undo {Code(i.Item.StepId)} {StatusNames.Of(MapUndo(i.Status))}{(i.Error is { } e ? $": {Text(e, 200)}" : "")}");
            builder.Section(Chunks($"*Rollback* ({Text(state.Rollback.Reason, 200)})", lines).First());
        }

        var approvals = state.Approvals.Values
            .Select(a => $"{Code(a.Target)}: {(a.Rejection is { } r ? $"rejected by {Mention(r.By)}" : $"{Text(a.ProgressText, 200)}{(a.Grants.Count > 0 ? " by " + Mentions(a.Grants.Select(g => g.By)) : "")}")}")
            .ToList();
        if (approvals.Count > 0)
        {
            builder.Section(Chunks("*Approvals*", approvals).First());
        }

        if (reportUrl is not null)
        {
            builder.Section($"📄 <{reportUrl}|Full launch report> (planned vs actual, approvals, failures, rollback, guard readings, timeline)");
        }

        builder.Context($"Run `{state.RunId}` · started by {Mention(state.StartedBy)}{(state.Environment is { } env ? $" · {Text(env, 60)}" : "")}");
        return builder.Build();
    }

    private static string Outcome(RunState state) => state.Status switch
    {
        RunStatus.Succeeded => "The run succeeded.",
        RunStatus.Failed => $"The run failed: {Text(state.EndReason, 500)}",
        RunStatus.Aborted => $"The run was aborted: {Text(state.EndReason, 500)}",
        RunStatus.RolledBack => "The run was rolled back.",
        _ => $"The run is {StatusNames.Of(state.Status).Replace('_', ' ')}.",
    };

    private static IEnumerable<string> TimelineLines(RunState state, RunTimeline timeline)
    {
        var order = timeline.Plan?.Timeline().Select(p => p.Id).ToList() ?? [.. state.Runbook.Steps.Select(s => s.Id)];
        foreach (var id in order)
        {
            var s = state.Steps[id];
            var planned = timeline.Plan?.FindStep(id);
            var line = new StringBuilder($"{Icon(s.Status)} {Code(id)} {StatusNames.Of(s.Status).Replace('_', ' ')}");
            if (s.StartedAt is { } started)
            {
                line.Append($" · {Clock(started, state)}");
                if (s.FinishedAt is { } finished && finished >= started)
                {
                    line.Append($" for {Duration(finished - started)}");
                }
            }

            if (planned is { Skipped: false } && s.StartedAt is { } actualStart && actualStart - planned.PlannedStart > TimeSpan.FromSeconds(1))
            {
                line.Append($" · {Duration(actualStart - planned.PlannedStart)} after plan");
            }

            if (s.Attempts > 1)
            {
                line.Append($" · {s.Attempts} attempts");
            }

            if (s.DoneBy is { } by)
            {
                line.Append($" · by {Mention(by)}");
            }

            if (s.Status == StepStatus.Failed && s.Error is { } error)
            {
                line.Append($": {Text(error, 200)}");
            }

            yield return line.ToString();
        }
    }

    private static IEnumerable<string> Chunks(string heading, IEnumerable<string> lines)
    {
        var current = new StringBuilder(heading);
        var any = false;
        foreach (var line in lines)
        {
            if (current.Length + line.Length + 1 > MaxSectionText)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
            any = true;
        }

        if (any || current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Icon(StepStatus status) => status switch
    {
        StepStatus.Succeeded => "✔",
        StepStatus.Failed => "✖",
        StepStatus.Skipped => "⏭",
        StepStatus.Interrupted => "⚠",
        StepStatus.Compensated => "⏪",
        StepStatus.Running => "▶",
        StepStatus.AwaitingApproval => "✋",
        StepStatus.Waiting => "…",
        _ => "·",
    };

    private static StepStatus MapUndo(CompensationStatus status) => status switch
    {
        CompensationStatus.Succeeded => StepStatus.Succeeded,
        CompensationStatus.Failed or CompensationStatus.Tolerated => StepStatus.Failed,
        CompensationStatus.Skipped => StepStatus.Skipped,
        CompensationStatus.Running => StepStatus.Running,
        _ => StepStatus.Pending,
    };
}
