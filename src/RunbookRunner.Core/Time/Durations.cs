using System.Globalization;
using System.Text;

namespace RunbookRunner.Core.Time;

/// <summary>
/// Parses and formats runbook durations: a sequence of number+unit parts, largest first, such as
/// <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>1d2h</c>, <c>500ms</c>, <c>0s</c>. Units: d, h, m, s, ms.
/// </summary>
public static class Durations
{
    private static readonly (string Unit, TimeSpan Size)[] Units =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    /// <summary>Parses a duration; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a duration is empty; write e.g. 30s, 15m, 1h30m or 2d";
            return false;
        }

        var s = text.Trim();
        var i = 0;
        var lastRank = -1;
        var total = TimeSpan.Zero;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                error = $"'{text}' is not a duration; write e.g. 30s, 15m, 1h30m or 2d";
                return false;
            }

            if (!long.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 1_000_000)
            {
                error = $"'{text}' is too large a duration";
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetterLower(s[i]))
            {
                i++;
            }

            var unit = s[unitStart..i];
            var rank = Array.FindIndex(Units, u => u.Unit == unit);
            if (rank < 0)
            {
                error = unit.Length == 0
                    ? $"'{text}' has a number without a unit; add one of d, h, m, s, ms (e.g. '{number}s')"
                    : $"'{text}' has an unknown unit '{unit}'; use d, h, m, s or ms";
                return false;
            }

            if (rank <= lastRank)
            {
                error = $"'{text}' repeats or misorders units; write the largest unit first, each once (e.g. 1h30m)";
                return false;
            }

            lastRank = rank;
            total += Units[rank].Size * number;
        }

        value = total;
        return true;
    }

    /// <summary>Parses a duration or throws <see cref="FormatException"/>.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Formats a non-negative duration in the runbook notation, e.g. <c>1h30m</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Negate());
        }

        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        var rest = value;
        foreach (var (unit, size) in Units)
        {
            var count = (long)(rest.Ticks / size.Ticks);
            if (count > 0)
            {
                sb.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= size * count;
            }
        }

        return sb.Length == 0 ? "0s" : sb.ToString();
    }
}
