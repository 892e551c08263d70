using System.Security.Claims;
using RunbookRunner.Contracts;
using RunbookRunner.Core.Runs.Inputs;

namespace RunbookRunner.Server.Authentication;

/// <summary>
/// Who is calling: the token's name and role, and the Slack user it acts as. <see cref="ActorId"/> is the
/// identity the run engine judges (roles, N of M, forbid_self): the Slack user, or else the token name.
/// </summary>
public sealed record ApiCaller(string TokenId, string Name, string Role, string? SlackUser, string Source)
{
    private static readonly string[] Sources = ["api", "cli", "web"];

    public string ActorId => SlackUser ?? Name;

    public Actor Actor => new(ActorId, Source);

    /// <summary>The caller of an authenticated request; the source comes from <c>X-Runbook-Source</c> (api, cli, web).</summary>
    public static ApiCaller From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("The endpoint must require authorization before it reads its caller.");
        }

        string source = context.Request.Headers[ApiHeaders.Source].ToString().Trim().ToLowerInvariant();
        return new ApiCaller(
            user.FindFirstValue(TokenAuthenticationDefaults.TokenIdClaim) ?? "",
            user.Identity.Name ?? "unknown",
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            user.FindFirstValue(TokenAuthenticationDefaults.SlackUserClaim),
            Sources.Contains(source) ? source : "api");
    }
}
