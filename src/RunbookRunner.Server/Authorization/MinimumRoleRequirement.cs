using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;

namespace RunbookRunner.Server.Authorization;

/// <summary>The caller's token role must be at least <see cref="Role"/> (roles are cumulative).</summary>
public sealed class MinimumRoleRequirement(TokenRole role) : IAuthorizationRequirement, IAuthorizationHandler
{
    public TokenRole Role { get; } = role;

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = RoleNames.AtLeast(Role);
        if (context.User.FindFirstValue(ClaimTypes.Role) is { } role && allowed.Contains(role))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
