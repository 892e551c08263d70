using System.Text.RegularExpressions;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;
using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Messages;

/// <summary>Small mrkdwn helpers shared by the war-room messages: mentions, clock times, durations, escaping.</summary>
public static partial class SlackMarkup
{
    /// <summary>A mention (<c>&lt;@U123&gt;</c>) for a Slack user id; other actors (tokens, <c>system</c>) as escaped text.</summary>
    public static string Mention(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return SlackUserId().IsMatch(actor) ? $"<@{actor}>" : SlackText.Escape(actor);
    }

    /// <summary>Mentions joined with commas; "nobody" when empty.</summary>
    public static string Mentions(IEnumerable<string> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var list = actors.Select(Mention).ToList();
        return list.Count == 0 ? "nobody" : string.Join(", ", list);
    }

    /// <summary>A time on the runbook's clock with its T offset, e.g. <c>14:05:00 (T-5h55m)</c>.</summary>
    public static string Clock(DateTimeOffset at, RunState state) => NarrationText.Clock(at, state);

    /// <summary>A duration in runbook notation rounded to the second, e.g. <c>4m7s</c>.</summary>
    public static string Duration(TimeSpan value) => Durations.Format(TimeSpan.FromSeconds(Math.Round(value.TotalSeconds)));

    /// <summary>Escapes text for mrkdwn and cuts it to <paramref name="max"/> characters.</summary>
    public static string Text(string? text, int max = 500) =>
        string.IsNullOrEmpty(text) ? "" : SlackText.Escape(SlackText.Truncate(text, max));

    /// <summary>A step or target in code style.</summary>
    public static string Code(string id) => $"`{SlackText.Escape(id.Replace('`', '\''))}`";

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$")]
    private static partial Regex SlackUserId();
}
