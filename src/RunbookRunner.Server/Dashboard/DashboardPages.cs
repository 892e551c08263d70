using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using RunbookRunner.Server.Authentication;

namespace RunbookRunner.Server.Dashboard;

/// <summary>What every dashboard handler shares: the page frame, the caller as a web source, safe local redirects.</summary>
internal static class DashboardPages
{
    public static async Task<PageFrame> FrameAsync(HttpContext context, bool takeFlash = true)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var user = context.User.Identity?.IsAuthenticated == true
            ? await DashboardUser.ForAsync(context.User, services.GetRequiredService<IAuthorizationService>())
            : null;
        var (notice, error) = takeFlash ? Flash.Take(context) : (null, null);
        return new PageFrame(user, tokens.FormFieldName, tokens.RequestToken ?? "", notice, error);
    }

    /// <summary>The signed-in person as the API knows callers, with the dashboard as the source (audited as web).</summary>
    public static ApiCaller Caller(HttpContext context) => ApiCaller.From(context) with { Source = "web" };

    /// <summary>Only paths of this site: no scheme, no host, no protocol-relative <c>//</c>.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 1 } u && u[0] == '/' && u[1] != '/' && u[1] != '\\' ? u : "/runs";

    public static string RunUrl(string runId) => "/runs/" + Uri.EscapeDataString(runId);

    /// <summary>One form field, trimmed; null when absent or blank.</summary>
    public static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;
}
