namespace RunbookRunner.Slack.BlockKit;

/// <summary>A labelled input in a modal (for example the reason for a rejection).</summary>
public sealed record InputBlock : Block
{
    public InputBlock(string label, BlockElement element, string? hint = null, bool optional = false, string? blockId = null)
        : base(blockId)
    {
        ArgumentNullException.ThrowIfNull(element);
        Label = new PlainText(label).TruncatedTo(SlackLimits.InputLabel);
        Element = element;
        Hint = hint is null ? null : new PlainText(hint).TruncatedTo(SlackLimits.InputHint);
        Optional = optional ? true : null;
    }

    public TextObject Label { get; }

    public BlockElement Element { get; }

    public TextObject? Hint { get; }

    public bool? Optional { get; }
}
