using System.Globalization;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Slack.Commands;

/// <summary>
/// The T0 of <c>/runbook start</c>: <c>now</c>, a duration from now (<c>+2h</c>, <c>+1h30m</c>), or an ISO-8601
/// time with its offset (<c>2026-12-01T18:00:00Z</c>, <c>2026-12-01T19:00+01:00</c>).
/// </summary>
public static class LaunchTime
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset t0)
    {
        ArgumentNullException.ThrowIfNull(text);
        t0 = default;
        if (text.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            t0 = now;
            return true;
        }

        if (text.StartsWith('+') && Durations.TryParse(text[1..], out var ahead, out _))
        {
            t0 = now + ahead;
            return true;
        }

        // An offset is required: a bare local time would depend on the server's zone.
        if (text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            t0 = parsed;
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> is meant as a time rather than an environment name.</summary>
    public static bool LooksLikeTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Equals("now", StringComparison.OrdinalIgnoreCase) || text.StartsWith('+') || (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-');
    }
}
