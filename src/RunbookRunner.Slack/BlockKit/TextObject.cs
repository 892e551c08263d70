using System.Text.Json.Serialization;

namespace RunbookRunner.Slack.BlockKit;

/// <summary>A Block Kit text object: <see cref="MarkdownText"/> (<c>mrkdwn</c>) or <see cref="PlainText"/> (<c>plain_text</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MarkdownText), "mrkdwn")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
public abstract record TextObject
{
    protected TextObject(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("Slack refuses empty text objects; leave the field out instead.", nameof(text));
        }

        Text = text;
    }

    /// <summary>The text; Slack requires at least one character.</summary>
    public string Text { get; private init; }

    /// <summary>This text object, cut to <paramref name="maxLength"/> characters if longer.</summary>
    public TextObject TruncatedTo(int maxLength) =>
        Text.Length <= maxLength ? this : this with { Text = SlackText.Truncate(Text, maxLength) };
}
