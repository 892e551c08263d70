namespace RunbookRunner.Slack.BlockKit;

/// <summary>Text helpers for Slack: truncation to limits and mrkdwn escaping.</summary>
public static class SlackText
{
    /// <summary>Marks text that was cut short.</summary>
    public const char Ellipsis = '…';

    /// <summary>
    /// Returns <paramref name="text"/> unchanged when it fits, otherwise cut to <paramref name="maxLength"/>
    /// characters ending in an ellipsis, never splitting a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), Ellipsis.ToString());
    }

    /// <summary>Escapes the three characters Slack's mrkdwn treats as control characters (&amp;, &lt;, &gt;).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    internal static string? RequireMaxLength(string? value, int maxLength, string paramName)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentException(
                $"{paramName} is {value.Length} characters long; Slack allows at most {maxLength}. Use a shorter identifier.",
                paramName);
        }

        return value;
    }
}
