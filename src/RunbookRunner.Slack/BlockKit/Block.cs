using System.Text.Json.Serialization;

namespace RunbookRunner.Slack.BlockKit;

/// <summary>A Block Kit layout block. Serialised with its <c>type</c> first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
public abstract record Block
{
    protected Block(string? blockId)
    {
        BlockId = SlackText.RequireMaxLength(blockId, SlackLimits.BlockId, nameof(blockId));
    }

    /// <summary>Identifies the block in interaction payloads; Slack generates one when absent.</summary>
    public string? BlockId { get; }
}
