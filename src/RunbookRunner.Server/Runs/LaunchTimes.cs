using System.Globalization;
using System.Text.RegularExpressions;

namespace RunbookRunner.Server.Runs;

/// <summary>Parses a T0 given to the API: <c>now</c> (or nothing) or ISO-8601 with an explicit offset.</summary>
public static partial class LaunchTimes
{
    public static bool TryParse(string? text, TimeProvider time, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(time);
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0 || s.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            value = time.GetUtcNow();
            return true;
        }

        // An offset is required: a bare wall-clock time would depend on the server's zone.
        if (WithOffset().IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        value = default;
        error = $"t0 '{text}' is not 'now' or an ISO-8601 time with an offset, e.g. 2026-06-01T09:00:00Z or 2026-06-01T10:00:00+01:00";
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
