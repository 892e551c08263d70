using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Authorization;

/// <summary>
/// Writes a token's refused attempt (a role too low for the endpoint) to the audit trail, then answers 403 with
/// the role needed. Anonymous requests are challenged (401) and not audited: there is nobody to name.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(IAuditStore audit, ILogger<AuditingAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
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
        var detail = $"token '{caller.Name}' has role {caller.Role}; {action} needs {needed}";
        try
        {
            await audit.AppendAsync(
                new NewAuditEntry
                {
                    Actor = caller.ActorId,
                    Source = AuditSources.Of(caller.Source),
                    Action = action,
                    RunId = context.Request.RouteValues.TryGetValue("id", out var run) ? run as string : null,
                    StepId = context.Request.RouteValues.TryGetValue("step", out var step) ? step as string : null,
                    Outcome = AuditOutcome.Denied,
                    Detail = detail,
                },
                context.RequestAborted);
        }
        catch (StorageException ex)
        {
            // The refusal stands either way; an audit that cannot be written is an operator's problem to see.
            logger.LogError("Could not audit refused {Action} by {Actor}: {Error}", action, caller.ActorId, ex.Message);
        }

        await ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", detail).ExecuteAsync(context);
    }
}
