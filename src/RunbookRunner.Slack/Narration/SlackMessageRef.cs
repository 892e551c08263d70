using RunbookRunner.Slack.Api;

namespace RunbookRunner.Slack.Narration;

/// <summary>A message the narrator posted, stored as <c>CHANNEL TS</c> in the narration state store.</summary>
public sealed record SlackMessageRef(string Channel, string Ts)
{
    public static SlackMessageRef From(SlackPostedMessage posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return new SlackMessageRef(posted.Channel, posted.Ts);
    }

    public string Format() => Channel + " " + Ts;

    public static SlackMessageRef? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && space < value.Length - 1 ? new SlackMessageRef(value[..space], value[(space + 1)..]) : null;
    }
}
