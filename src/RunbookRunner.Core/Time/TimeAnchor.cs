namespace RunbookRunner.Core.Time;

/// <summary>
/// A point in time relative to a run's launch time T0: <c>T-6h</c>, <c>T+90m</c>, <c>T+1d2h</c>, <c>T+0</c>, <c>T</c>.
/// </summary>
public readonly record struct TimeAnchor(TimeSpan Offset) : IComparable<TimeAnchor>
{
    public static TimeAnchor T0 { get; } = new(TimeSpan.Zero);

    public DateTimeOffset ResolveAgainst(DateTimeOffset t0) => t0 + Offset;

    public int CompareTo(TimeAnchor other) => Offset.CompareTo(other.Offset);

    public static bool operator <(TimeAnchor left, TimeAnchor right) => left.CompareTo(right) < 0;

    public static bool operator >(TimeAnchor left, TimeAnchor right) => left.CompareTo(right) > 0;

    public static bool operator <=(TimeAnchor left, TimeAnchor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TimeAnchor left, TimeAnchor right) => left.CompareTo(right) >= 0;

    /// <summary>Parses an anchor; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out TimeAnchor anchor, out string? error)
    {
        anchor = default;
        error = null;
        var s = text?.Trim() ?? string.Empty;
        if (s is "T" or "T0")
        {
            anchor = T0;
            return true;
        }

        if (s.Length < 3 || s[0] != 'T' || (s[1] != '+' && s[1] != '-'))
        {
            error = $"'{text}' is not a time anchor; write T-6h, T+90m, T+1d2h or T+0";
            return false;
        }

        var body = s[2..];
        TimeSpan offset;
        if (body == "0")
        {
            offset = TimeSpan.Zero;
        }
        else if (!Durations.TryParse(body, out offset, out var durationError))
        {
            error = $"time anchor '{text}': {durationError}";
            return false;
        }

        anchor = new TimeAnchor(s[1] == '-' ? offset.Negate() : offset);
        return true;
    }

    public static TimeAnchor Parse(string text) =>
        TryParse(text, out var anchor, out var error) ? anchor : throw new FormatException(error);

    public override string ToString() =>
        Offset == TimeSpan.Zero ? "T+0" : Offset < TimeSpan.Zero ? "T-" + Durations.Format(Offset.Negate()) : "T+" + Durations.Format(Offset);
}
