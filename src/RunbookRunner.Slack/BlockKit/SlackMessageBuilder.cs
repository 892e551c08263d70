namespace RunbookRunner.Slack.BlockKit;

/// <summary>
/// Builds a <see cref="SlackMessage"/> block by block. Free text is truncated to Slack's limits as
/// blocks are added; <see cref="Build"/> refuses more than 50 blocks.
/// </summary>
/// <example><code>
/// var message = new SlackMessageBuilder("Approval needed: go-no-go")
///     .Header("Go / no-go")
///     .Section("*0* open P0/P1 issues")
///     .Actions(ButtonElement.Primary("Approve", "approve", "run-1/go-no-go").WithConfirm(dialog))
///     .Build();
/// </code></example>
public sealed class SlackMessageBuilder
{
    private readonly List<Block> _blocks = [];
    private readonly string _text;

    /// <param name="text">Notification and fallback text shown where blocks are not (push notifications, search).</param>
    public SlackMessageBuilder(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>Blocks added so far.</summary>
    public int Count => _blocks.Count;

    public SlackMessageBuilder Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.Add(block);
        return this;
    }

    public SlackMessageBuilder Header(string text) => Add(new HeaderBlock(text));

    public SlackMessageBuilder Section(string markdown, BlockElement? accessory = null) => Add(new SectionBlock(markdown, accessory));

    /// <summary>A section of two-column <c>mrkdwn</c> fields (at most 10).</summary>
    public SlackMessageBuilder Fields(params string[] markdownFields)
    {
        ArgumentNullException.ThrowIfNull(markdownFields);
        return Add(new SectionBlock(null, markdownFields.Select(f => new MarkdownText(f))));
    }

    public SlackMessageBuilder Context(params string[] markdown) => Add(new ContextBlock(markdown));

    public SlackMessageBuilder Divider() => Add(new DividerBlock());

    public SlackMessageBuilder Actions(params ButtonElement[] buttons) => Add(new ActionsBlock(buttons));

    /// <summary>An actions block with a <c>block_id</c>, so interaction payloads name where the click came from.</summary>
    public SlackMessageBuilder Actions(string blockId, params ButtonElement[] buttons) => Add(new ActionsBlock(buttons, blockId));

    public SlackMessage Build() => new(_text, _blocks);
}
