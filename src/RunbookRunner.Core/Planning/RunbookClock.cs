using NodaTime;
using NodaTime.TimeZones;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// Converts instants to clock times in one IANA time zone, using the tz database shipped with NodaTime
/// so that daylight-saving changes are applied exactly as the war room's clocks show them.
/// </summary>
public sealed class RunbookClock
{
    private readonly DateTimeZone _zone;

    private RunbookClock(DateTimeZone zone) => _zone = zone;

    /// <summary>The IANA id of the zone (<c>Europe/London</c>).</summary>
    public string TimeZoneId => _zone.Id;

    /// <summary>Whether <paramref name="timeZoneId"/> names a zone of the tz database.</summary>
    public static bool IsKnownTimeZone(string? timeZoneId) =>
        timeZoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is not null;

    /// <summary>A clock for an IANA zone id; throws <see cref="ArgumentException"/> for an unknown id.</summary>
    public static RunbookClock For(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        try
        {
            return new RunbookClock(DateTimeZoneProviders.Tzdb[timeZoneId]);
        }
        catch (DateTimeZoneNotFoundException ex)
        {
            throw new ArgumentException(
                $"Unknown time zone '{timeZoneId}'; use an IANA id such as Europe/London, America/New_York or UTC.",
                nameof(timeZoneId),
                ex);
        }
    }

    /// <summary>The clock time at <paramref name="instant"/> in this zone.</summary>
    public ClockTime At(DateTimeOffset instant)
    {
        var zoned = Instant.FromDateTimeOffset(instant).InZone(_zone);
        return new ClockTime(zoned.ToDateTimeOffset(), zoned.GetZoneInterval().Name);
    }
}
