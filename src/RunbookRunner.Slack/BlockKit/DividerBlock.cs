namespace RunbookRunner.Slack.BlockKit;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : Block
{
    public DividerBlock(string? blockId = null)
        : base(blockId)
    {
    }
}
