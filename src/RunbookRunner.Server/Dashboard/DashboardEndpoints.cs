namespace RunbookRunner.Server.Dashboard;

/// <summary>
/// The web dashboard: <c>/signin</c>, <c>/runs</c>, <c>/runs/{id}</c> (timeline, steps, commands, audit; live over
/// server-sent events), <c>/runs/{id}/report</c>, <c>/runbooks</c>, <c>/runbooks/{name}</c>, and its two assets.
/// Server-rendered Razor components; every page needs a cookie session, every form an antiforgery token.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapRunbookDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapDashboardSignIn().MapDashboardAssets();
        var pages = endpoints.MapGroup("").RequireAuthorization(DashboardDefaults.Policy).ExcludeFromDescription();
        pages.MapGet("/", () => TypedResults.Redirect("/runs"));
        pages.MapDashboardRuns().MapDashboardRunbooks();
        return endpoints;
    }
}
