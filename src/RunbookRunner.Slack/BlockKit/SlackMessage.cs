namespace RunbookRunner.Slack.BlockKit;

/// <summary>
/// A message ready to send: <see cref="Text"/> is the notification fallback (cut to 40,000 characters),
/// <see cref="Blocks"/> the layout (at most 50 blocks).
/// </summary>
public sealed record SlackMessage
{
    public SlackMessage(string text, IEnumerable<Block>? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = blocks?.Select(b => b ?? throw new ArgumentException("Blocks must not contain null.", nameof(blocks))).ToList();
        if (list is not null && list.Count > SlackLimits.MessageBlocks)
        {
            throw new ArgumentException(
                $"A message holds at most {SlackLimits.MessageBlocks} blocks, got {list.Count}; summarise or split it over several messages.",
                nameof(blocks));
        }

        if (text.Length == 0 && (list is null || list.Count == 0))
        {
            throw new ArgumentException("A message needs text or blocks.", nameof(text));
        }

        Text = SlackText.Truncate(text, SlackLimits.MessageText);
        Blocks = list is { Count: > 0 } ? list : null;
    }

    public string Text { get; }

    public IReadOnlyList<Block>? Blocks { get; }
}
