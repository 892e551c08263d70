namespace RunbookRunner.Slack.BlockKit;

/// <summary>A <c>mrkdwn</c> text object. Escape untrusted text with <see cref="SlackText.Escape"/>.</summary>
public sealed record MarkdownText : TextObject
{
    public MarkdownText(string text, bool? verbatim = null)
        : base(text)
    {
        Verbatim = verbatim;
    }

    /// <summary>When true, Slack does not auto-link URLs, channel names or mentions.</summary>
    public bool? Verbatim { get; }
}
