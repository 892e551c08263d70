namespace RunbookRunner.Slack.BlockKit;

/// <summary>Small grey context text: 1 to 10 text elements.</summary>
public sealed record ContextBlock : Block
{
    public ContextBlock(IEnumerable<TextObject> elements, string? blockId = null)
        : base(blockId)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var list = elements.Select(e => (e ?? throw new ArgumentException("Elements must not contain null.", nameof(elements))).TruncatedTo(SlackLimits.ContextElementText)).ToList();
        if (list.Count is 0 or > SlackLimits.ContextElements)
        {
            throw new ArgumentException($"A context block holds 1 to {SlackLimits.ContextElements} elements, got {list.Count}.", nameof(elements));
        }

        Elements = list;
    }

    /// <summary>A context block of <c>mrkdwn</c> texts.</summary>
    public ContextBlock(params string[] markdown)
        : this((markdown ?? throw new ArgumentNullException(nameof(markdown))).Select(m => new MarkdownText(m)))
    {
    }

    public IReadOnlyList<TextObject> Elements { get; }
}
