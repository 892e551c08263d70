using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;

namespace RunbookRunner.Server.Dashboard;

/// <summary>The signed-in person as pages show them, and which commands their role allows (from the API's policies).</summary>
public sealed record DashboardUser(string Name, string Role, string ActorId, bool CanOperate, bool CanApprove)
{
    /// <summary>Evaluates the API's operator and approver policies for <paramref name="user"/>; nothing is decided here.</summary>
    public static async Task<DashboardUser> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authorization);
        var canOperate = (await authorization.AuthorizeAsync(user, RunbookPolicies.Operator)).Succeeded;
        var canApprove = (await authorization.AuthorizeAsync(user, RunbookPolicies.Approver)).Succeeded;
        var name = user.Identity?.Name ?? "unknown";
        return new DashboardUser(
            name,
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            user.FindFirstValue(TokenAuthenticationDefaults.SlackUserClaim) ?? name,
            canOperate,
            canApprove);
    }
}
