namespace RunbookRunner.Slack.BlockKit;

/// <summary>A section: text (cut to 3,000 characters), up to 10 two-column fields (2,000 each) and an optional accessory.</summary>
public sealed record SectionBlock : Block
{
    public SectionBlock(TextObject? text, IEnumerable<TextObject>? fields = null, BlockElement? accessory = null, string? blockId = null)
        : base(blockId)
    {
        var fieldList = fields?.Select(f => (f ?? throw new ArgumentException("Fields must not contain null.", nameof(fields))).TruncatedTo(SlackLimits.SectionFieldText)).ToList();
        if (text is null && (fieldList is null || fieldList.Count == 0))
        {
            throw new ArgumentException("A section needs text or at least one field.", nameof(text));
        }

        if (fieldList is not null && fieldList.Count > SlackLimits.SectionFields)
        {
            throw new ArgumentException(
                $"A section holds at most {SlackLimits.SectionFields} fields, got {fieldList.Count}; split them over several sections.",
                nameof(fields));
        }

        Text = text?.TruncatedTo(SlackLimits.SectionText);
        Fields = fieldList is { Count: > 0 } ? fieldList : null;
        Accessory = accessory;
    }

    /// <summary>A section of <c>mrkdwn</c> text.</summary>
    public SectionBlock(string markdown, BlockElement? accessory = null, string? blockId = null)
        : this(new MarkdownText(markdown), null, accessory, blockId)
    {
    }

    public TextObject? Text { get; }

    public IReadOnlyList<TextObject>? Fields { get; }

    public BlockElement? Accessory { get; }
}
