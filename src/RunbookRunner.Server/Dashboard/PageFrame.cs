namespace RunbookRunner.Server.Dashboard;

/// <summary>What every page's frame needs: the user (null on the sign-in page), the form token, a one-time notice or error.</summary>
public sealed record PageFrame(DashboardUser? User, string TokenField, string TokenValue, string? Notice, string? Error)
{
    /// <summary>A fresh request id for a command form, so a double click applies once.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");
}
