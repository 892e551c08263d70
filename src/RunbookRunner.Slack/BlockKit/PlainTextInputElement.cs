namespace RunbookRunner.Slack.BlockKit;

/// <summary>A free-text input for an <see cref="InputBlock"/> in a modal.</summary>
public sealed record PlainTextInputElement : BlockElement
{
    public PlainTextInputElement(string actionId, string? placeholder = null, string? initialValue = null, bool multiline = false, int? minLength = null, int? maxLength = null)
        : base(actionId)
    {
        if (minLength is < 0 or > SlackLimits.InputMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(minLength), minLength, $"min_length must be between 0 and {SlackLimits.InputMaxLength}.");
        }

        if (maxLength is < 1 or > SlackLimits.InputMaxLength || (maxLength is not null && minLength is not null && maxLength < minLength))
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"max_length must be between 1 and {SlackLimits.InputMaxLength} and not below min_length.");
        }

        Placeholder = placeholder is null ? null : new PlainText(placeholder).TruncatedTo(SlackLimits.InputPlaceholder);
        InitialValue = initialValue is null ? null : SlackText.Truncate(initialValue, maxLength ?? SlackLimits.InputMaxLength);
        Multiline = multiline ? true : null;
        MinLength = minLength;
        MaxLength = maxLength;
    }

    public TextObject? Placeholder { get; }

    public string? InitialValue { get; }

    public bool? Multiline { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }
}
