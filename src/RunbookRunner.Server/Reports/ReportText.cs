using System.Globalization;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Server.Reports;

/// <summary>How reports write times and durations: on the runbook's clock, to the second.</summary>
public sealed class ReportText
{
    private readonly RunbookClock? _clock;

    public ReportText(string timeZone) =>
        _clock = RunbookClock.IsKnownTimeZone(timeZone) ? RunbookClock.For(timeZone) : null;

    /// <summary><c>2026-12-01 11:58:03 GMT</c>.</summary>
    public string Full(DateTimeOffset? at) => at is { } t
        ? _clock?.At(t) is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c.Local:yyyy-MM-dd HH:mm:ss} {c.Abbreviation}") : t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : "—";

    /// <summary><c>11:58:03</c>.</summary>
    public string Time(DateTimeOffset? at) => at is { } t
        ? (_clock?.At(t).Local ?? t).ToString("HH:mm:ss", CultureInfo.InvariantCulture)
        : "—";

    /// <summary><c>2m5s</c>, to the second.</summary>
    public static string Duration(TimeSpan? value) => value is { } v ? Durations.Format(TimeSpan.FromSeconds(Math.Round(Math.Abs(v.TotalSeconds)))) : "—";

    /// <summary><c>+2m late</c>, <c>30s early</c>, <c>on time</c>.</summary>
    public static string Delta(TimeSpan? value) => value switch
    {
        null => "—",
        { } v when Math.Abs(v.TotalSeconds) < 1 => "on time",
        { } v when v > TimeSpan.Zero => $"{Duration(v)} late",
        { } v => $"{Duration(v)} early",
    };

    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";
}
