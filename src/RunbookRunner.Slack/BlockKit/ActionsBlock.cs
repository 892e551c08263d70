namespace RunbookRunner.Slack.BlockKit;

/// <summary>A row of 1 to 25 interactive elements (buttons).</summary>
public sealed record ActionsBlock : Block
{
    public ActionsBlock(IEnumerable<BlockElement> elements, string? blockId = null)
        : base(blockId)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var list = elements.Select(e => e ?? throw new ArgumentException("Elements must not contain null.", nameof(elements))).ToList();
        if (list.Count is 0 or > SlackLimits.ActionsElements)
        {
            throw new ArgumentException($"An actions block holds 1 to {SlackLimits.ActionsElements} elements, got {list.Count}.", nameof(elements));
        }

        Elements = list;
    }

    public IReadOnlyList<BlockElement> Elements { get; }
}
