namespace RunbookRunner.Slack.Interactions;

/// <summary>
/// What a war-room button acts on, carried in its <c>value</c> as <c>RUN|TARGET</c> (the target is a step id or
/// <c>guard:ID</c>), so a click needs no lookup to know its run.
/// </summary>
public sealed record WarRoomActionValue(string RunId, string Target)
{
    private const char Separator = '|';

    /// <summary>The button value.</summary>
    public string Format() => RunId + Separator + Target;

    /// <summary>Parses a button value; false for anything a war-room button would not carry.</summary>
    public static bool TryParse(string? value, out WarRoomActionValue? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(value) || value.Length > 600)
        {
            return false;
        }

        var separator = value.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == value.Length - 1 || value.IndexOf(Separator, separator + 1) >= 0)
        {
            return false;
        }

        parsed = new WarRoomActionValue(value[..separator], value[(separator + 1)..]);
        return true;
    }
}
