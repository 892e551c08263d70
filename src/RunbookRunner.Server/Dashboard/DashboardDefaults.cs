namespace RunbookRunner.Server.Dashboard;

/// <summary>Names of the dashboard's cookie scheme, policy and cookies.</summary>
public static class DashboardDefaults
{
    /// <summary>The cookie session made at sign-in from an API token.</summary>
    public const string Scheme = "RunbookDashboard";

    /// <summary>Any signed-in dashboard user (viewer and above); commands then need their own policy.</summary>
    public const string Policy = "runbook:dashboard";

    public const string SessionCookie = "runbook_session";

    public const string AntiforgeryCookie = "runbook_af";

    public const string FlashCookie = "runbook_flash";

    /// <summary>How long a session lasts without use.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
}
