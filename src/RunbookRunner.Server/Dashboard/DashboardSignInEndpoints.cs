using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Dashboard.Pages;

namespace RunbookRunner.Server.Dashboard;

/// <summary><c>/signin</c> (an API token becomes a cookie session) and <c>/signout</c>.</summary>
internal static class DashboardSignInEndpoints
{
    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/signin", SignInPageAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/signout", SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignInPageAsync(HttpContext context, string? returnUrl)
    {
        var frame = await DashboardPages.FrameAsync(context);
        return new RazorComponentResult<SignInPage>(new { Model = new SignInPageModel(frame with { User = null }, DashboardPages.LocalUrl(returnUrl)) });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IFormCollection form, ITokenStore tokens, IAuditStore audit, CancellationToken cancellationToken)
    {
        var returnUrl = DashboardPages.LocalUrl(DashboardPages.Field(form, "returnUrl"));
        var token = DashboardPages.Field(form, "token");
        var found = token is { Length: < 200 } ? await tokens.FindByTokenAsync(token, cancellationToken) : null;
        if (found is null)
        {
            Flash.Set(context, error: true, "That token is unknown or revoked. Create one with 'runbook tokens create --role viewer'.");
            return TypedResults.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        await context.SignInAsync(DashboardDefaults.Scheme, DashboardAuthentication.Principal(found));
        await audit.AppendAsync(
            new NewAuditEntry
            {
                Actor = found.SlackUser ?? found.Name,
                Source = AuditSource.Web,
                Action = "signin",
                Outcome = AuditOutcome.Allowed,
                Detail = $"token '{found.Name}' ({found.Role.ToString().ToLowerInvariant()})",
            },
            cancellationToken);
        return TypedResults.Redirect(returnUrl);
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context, IFormCollection form)
    {
        _ = form.Count; // Binding the form is what makes this endpoint check its antiforgery token.
        await context.SignOutAsync(DashboardDefaults.Scheme);
        return TypedResults.Redirect("/signin");
    }
}
