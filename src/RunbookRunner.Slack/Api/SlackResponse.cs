using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api;

/// <summary>
/// A reply posted to a <c>response_url</c> (valid 30 minutes, 5 uses). With <see cref="ReplaceOriginal"/>
/// it replaces the message the button was on.
/// </summary>
public sealed record SlackResponse
{
    public SlackResponse(string text, IEnumerable<Block>? blocks = null, SlackResponseType responseType = SlackResponseType.Ephemeral, bool replaceOriginal = false, bool deleteOriginal = false, string? threadTs = null)
    {
        Message = new SlackMessage(text, blocks);
        ResponseType = responseType;
        ReplaceOriginal = replaceOriginal;
        DeleteOriginal = deleteOriginal;
        ThreadTs = threadTs;
    }

    public SlackResponse(SlackMessage message, SlackResponseType responseType = SlackResponseType.Ephemeral, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        ResponseType = responseType;
        ReplaceOriginal = replaceOriginal;
    }

    public SlackMessage Message { get; }

    public SlackResponseType ResponseType { get; }

    public bool ReplaceOriginal { get; }

    public bool DeleteOriginal { get; }

    public string? ThreadTs { get; }
}
