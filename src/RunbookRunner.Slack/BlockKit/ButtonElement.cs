namespace RunbookRunner.Slack.BlockKit;

/// <summary>
/// A button. Text is cut to 75 characters; <c>action_id</c> (255) and <c>value</c> (2,000) are refused
/// when too long. Add <see cref="Confirm"/> for anything that cannot be undone.
/// </summary>
public sealed record ButtonElement : BlockElement
{
    public ButtonElement(string text, string actionId, string? value = null, ButtonStyle? style = null, ConfirmationDialog? confirm = null, string? url = null, string? accessibilityLabel = null)
        : base(actionId)
    {
        Text = new PlainText(text).TruncatedTo(SlackLimits.ButtonText);
        Value = SlackText.RequireMaxLength(value, SlackLimits.ButtonValue, nameof(value));
        Url = SlackText.RequireMaxLength(url, SlackLimits.ButtonUrl, nameof(url));
        Style = style;
        Confirm = confirm;
        AccessibilityLabel = accessibilityLabel is null ? null : SlackText.Truncate(accessibilityLabel, SlackLimits.ButtonAccessibilityLabel);
    }

    public TextObject Text { get; }

    public string? Value { get; }

    public string? Url { get; }

    public ButtonStyle? Style { get; init; }

    public ConfirmationDialog? Confirm { get; init; }

    public string? AccessibilityLabel { get; }

    /// <summary>A green button.</summary>
    public static ButtonElement Primary(string text, string actionId, string? value = null) => new(text, actionId, value, ButtonStyle.Primary);

    /// <summary>A red button.</summary>
    public static ButtonElement Danger(string text, string actionId, string? value = null) => new(text, actionId, value, ButtonStyle.Danger);

    /// <summary>This button, asking for confirmation before it fires.</summary>
    public ButtonElement WithConfirm(ConfirmationDialog confirm)
    {
        ArgumentNullException.ThrowIfNull(confirm);
        return this with { Confirm = confirm };
    }
}
