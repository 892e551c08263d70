using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;

namespace RunbookRunner.Server.Dashboard;

/// <summary>
/// The dashboard's sign-in: an API token is checked once and becomes a cookie session carrying the token's identity
/// and role (the same claims the bearer scheme gives). Every request re-checks that the token was not revoked.
/// </summary>
public static class DashboardAuthentication
{
    public static AuthenticationBuilder AddDashboardCookie(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = DashboardDefaults.AntiforgeryCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder.AddCookie(DashboardDefaults.Scheme, o =>
        {
            o.Cookie.Name = DashboardDefaults.SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = DashboardDefaults.SessionLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
    }

    /// <summary>The dashboard policy: a cookie session of any role.</summary>
    public static void AddPolicy(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(DashboardDefaults.Policy, p => p
            .AddAuthenticationSchemes(DashboardDefaults.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new MinimumRoleRequirement(TokenRole.Viewer)));
    }

    /// <summary>The session's principal for a valid token.</summary>
    public static ClaimsPrincipal Principal(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, token.Name),
            new(ClaimTypes.Role, RoleNames.Of(token.Role)),
            new(TokenAuthenticationDefaults.TokenIdClaim, token.Id),
        };
        if (token.SlackUser is { Length: > 0 } slack)
        {
            claims.Add(new Claim(TokenAuthenticationDefaults.SlackUserClaim, slack));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, DashboardDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    // A revoked (or deleted) token ends its sessions at their next request; its role is re-read too.
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(TokenAuthenticationDefaults.TokenIdClaim);
        var tokens = context.HttpContext.RequestServices.GetRequiredService<ITokenStore>();
        var all = id is null ? [] : await tokens.ListAsync(context.HttpContext.RequestAborted);
        var token = all.FirstOrDefault(t => t.Id == id && t.RevokedAt is null);
        if (token is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardDefaults.Scheme);
            return;
        }

        if (context.Principal!.FindFirstValue(ClaimTypes.Role) != RoleNames.Of(token.Role))
        {
            context.ReplacePrincipal(Principal(token));
            context.ShouldRenew = true;
        }
    }
}
