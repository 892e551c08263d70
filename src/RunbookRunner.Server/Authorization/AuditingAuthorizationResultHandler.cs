using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Authorization;

/// <summary>
/// Writes a token's refused attempt (a role too low for the endpoint) to the audit trail, then answers 403 with
/// the role needed. Anonymous requests are challenged (401) and not audited: there is nobody to name.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(RefusalAudit refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var caller = ApiCaller.From(context);
        var needed = policy.Requirements.OfType<MinimumRoleRequirement>().Select(r => RoleNames.Of(r.Role)).FirstOrDefault() ?? "a higher role";
        var action = context.GetEndpoint()?.Metadata.GetMetadata<AuditActionMetadata>()?.Action
            ?? $"{context.Request.Method} {context.Request.Path}";
        var detail = await refusals.AuditAsync(
            caller,
            action,
            needed,
            context.Request.RouteValues.TryGetValue("id", out var run) ? run as string : null,
            context.Request.RouteValues.TryGetValue("step", out var step) ? step as string : null,
            context.RequestAborted);
        await ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", detail).ExecuteAsync(context);
    }
}
