namespace RunbookRunner.Slack.BlockKit;

/// <summary>A <c>plain_text</c> text object (headers, buttons, dialog titles, labels).</summary>
public sealed record PlainText : TextObject
{
    public PlainText(string text, bool? emoji = null)
        : base(text)
    {
        Emoji = emoji;
    }

    /// <summary>Whether <c>:emoji:</c> codes are rendered; Slack's default is true.</summary>
    public bool? Emoji { get; }
}
