namespace RunbookRunner.Slack.BlockKit;

/// <summary>A large bold header of plain text, cut to 150 characters.</summary>
public sealed record HeaderBlock : Block
{
    public HeaderBlock(string text, string? blockId = null)
        : base(blockId)
    {
        Text = new PlainText(text).TruncatedTo(SlackLimits.HeaderText);
    }

    public TextObject Text { get; }
}
