using System.Globalization;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// An instant as a wall clock in a runbook's time zone shows it: the local date and time with its UTC offset
/// (DST applied) and the zone's abbreviation at that instant (<c>BST</c>, <c>GMT</c>, <c>CET</c>, ...).
/// </summary>
public sealed record ClockTime(DateTimeOffset Local, string Abbreviation)
{
    /// <summary>Local time of day, e.g. <c>09:30</c>.</summary>
    public string TimeOfDay => Local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 local time with offset, e.g. <c>2026-03-29T09:30:00+01:00</c>.</summary>
    public string Iso => Local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Short human form, e.g. <c>Sun 29 Mar 09:30 BST</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Local:ddd dd MMM HH:mm} {Abbreviation}");
}
