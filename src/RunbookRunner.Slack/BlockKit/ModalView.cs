using System.Text.Json.Serialization;

namespace RunbookRunner.Slack.BlockKit;

/// <summary>
/// A modal opened with <c>views.open</c> (for example to ask for a rejection reason). Title and button
/// labels are cut to 24 characters; <c>callback_id</c> (255) and <c>private_metadata</c> (3,000) are refused when too long.
/// </summary>
public sealed record ModalView
{
    public ModalView(string title, IEnumerable<Block> blocks, string? submit = null, string? close = null, string? callbackId = null, string? privateMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var list = blocks.Select(b => b ?? throw new ArgumentException("Blocks must not contain null.", nameof(blocks))).ToList();
        if (list.Count is 0 or > SlackLimits.ModalBlocks)
        {
            throw new ArgumentException($"A modal holds 1 to {SlackLimits.ModalBlocks} blocks, got {list.Count}.", nameof(blocks));
        }

        if (submit is null && list.Any(b => b is InputBlock))
        {
            throw new ArgumentException("A modal with input blocks needs a submit button label.", nameof(submit));
        }

        Title = new PlainText(title).TruncatedTo(SlackLimits.ModalTitle);
        Blocks = list;
        Submit = submit is null ? null : new PlainText(submit).TruncatedTo(SlackLimits.ModalButton);
        Close = close is null ? null : new PlainText(close).TruncatedTo(SlackLimits.ModalButton);
        CallbackId = SlackText.RequireMaxLength(callbackId, SlackLimits.CallbackId, nameof(callbackId));
        PrivateMetadata = SlackText.RequireMaxLength(privateMetadata, SlackLimits.PrivateMetadata, nameof(privateMetadata));
    }

    /// <summary>Always <c>modal</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "modal";

    public TextObject Title { get; }

    public IReadOnlyList<Block> Blocks { get; }

    public TextObject? Submit { get; }

    public TextObject? Close { get; }

    public string? CallbackId { get; }

    public string? PrivateMetadata { get; }
}
