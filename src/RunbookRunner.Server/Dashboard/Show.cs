using System.Globalization;
using RunbookRunner.Server.Reports;

namespace RunbookRunner.Server.Dashboard;

/// <summary>Small formatting helpers for pages.</summary>
public static class Show
{
    public static string Utc(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary><c>on time</c> or <c>3m late</c>.</summary>
    public static string Late(TimeSpan lateness) => lateness >= TimeSpan.FromSeconds(1) ? $"{ReportText.Duration(lateness)} late" : "on time";

    public static string State(string state) => state.Replace('_', ' ');
}
