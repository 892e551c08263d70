using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// Parses a launch time (T0) as people type it: ISO-8601 with an offset (<c>2026-06-01T09:00:00Z</c>,
/// <c>2026-06-01T10:00+01:00</c>), ISO-8601 without one, read as a wall-clock time in the runbook's time zone
/// (<c>2026-06-01T10:00</c>), or <c>now</c>.
/// </summary>
public static partial class LaunchTime
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and what to write.</summary>
    public static bool TryParse(string? text, string timeZoneId, TimeProvider time, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(time);
        value = default;
        error = null;
        var s = text?.Trim() ?? string.Empty;
        if (s.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            value = time.GetUtcNow();
            return true;
        }

        var match = IsoPattern().Match(s);
        if (!match.Success)
        {
            error = $"'{text}' is not an ISO-8601 time; write e.g. 2026-06-01T09:00:00Z, 2026-06-01T10:00+01:00, " +
                    $"2026-06-01T10:00 (read in {timeZoneId}) or now";
            return false;
        }

        var local = LocalDateTimePattern.ExtendedIso.Parse(match.Groups["local"].Value.Length == 16 ? match.Groups["local"].Value + ":00" : match.Groups["local"].Value);
        if (!local.Success)
        {
            error = $"'{text}' is not a valid date and time: {local.Exception.Message.Split('\n')[0].Trim()}";
            return false;
        }

        var offset = match.Groups["offset"].Value;
        if (offset.Length > 0)
        {
            var parsedOffset = offset == "Z" ? TimeSpan.Zero : TimeSpan.ParseExact(offset[1..], @"hh\:mm", CultureInfo.InvariantCulture) * (offset[0] == '-' ? -1 : 1);
            value = new DateTimeOffset(local.Value.ToDateTimeUnspecified(), parsedOffset);
            return true;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId);
        if (zone is null)
        {
            error = $"unknown time zone '{timeZoneId}'";
            return false;
        }

        var mapping = zone.MapLocal(local.Value);
        switch (mapping.Count)
        {
            case 1:
                value = mapping.Single().ToDateTimeOffset();
                return true;
            case 0:
                error = $"'{text}' does not exist in {timeZoneId} (the clocks skip it); pick another time or add an offset";
                return false;
            default:
                error = $"'{text}' happens twice in {timeZoneId} (the clocks go back); add an offset, e.g. " +
                        $"{s}{FormatOffset(mapping.First().Offset)} or {s}{FormatOffset(mapping.Last().Offset)}";
                return false;
        }
    }

    private static string FormatOffset(Offset offset) =>
        OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
