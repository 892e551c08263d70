using Microsoft.AspNetCore.Authorization;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;

namespace RunbookRunner.Server.Authorization;

/// <summary>
/// The permission matrix, by role (each role includes the ones before it):
/// viewer reads everything; operator also starts and controls runs (pause, resume, abort, rollback, retry,
/// skip, done); approver also approves and rejects; admin also manages tokens.
/// </summary>
public static class RunbookPolicies
{
    public const string Viewer = "runbook:viewer";
    public const string Operator = "runbook:operator";
    public const string Approver = "runbook:approver";
    public const string Admin = "runbook:admin";

    /// <summary>The least role a policy admits.</summary>
    public static TokenRole RoleOf(string policy) => policy switch
    {
        Viewer => TokenRole.Viewer,
        Operator => TokenRole.Operator,
        Approver => TokenRole.Approver,
        Admin => TokenRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown runbook policy."),
    };

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var policy in new[] { Viewer, Operator, Approver, Admin })
        {
            options.AddPolicy(policy, p => p
                .AddAuthenticationSchemes(TokenAuthenticationDefaults.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new MinimumRoleRequirement(RoleOf(policy))));
        }
    }
}
