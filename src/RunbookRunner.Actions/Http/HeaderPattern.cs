namespace RunbookRunner.Actions.Http;

/// <summary>
/// The expected value of a response header in <c>http.check</c>: text compared case-insensitively, where
/// <c>*</c> matches any run of characters (<c>max-age=*</c>).
/// </summary>
internal static class HeaderPattern
{
    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        const StringComparison comparison = StringComparison.OrdinalIgnoreCase;
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern.Trim(), value.Trim(), comparison);
        }

        if (!value.StartsWith(parts[0], comparison))
        {
            return false;
        }

        // Between the first and last part, the leftmost match of each part leaves the most room for the rest.
        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var at = value.IndexOf(parts[i], position, comparison);
            if (at < 0)
            {
                return false;
            }

            position = at + parts[i].Length;
        }

        var last = parts[^1];
        return value.Length - position >= last.Length && value.EndsWith(last, comparison);
    }
}
