using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// Commands on a run (<c>POST /api/runs/{id}/pause|resume|abort|rollback</c>) and on a step
/// (<c>POST /api/runs/{id}/steps/{step}/approve|reject|retry|skip|done|fail</c>). The body is optional.
/// </summary>
public static class RunCommandEndpoints
{
    public static RouteGroupBuilder MapRunCommandEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var run = api.MapGroup("/runs/{id}").WithTags("Run commands");
        var step = run.MapGroup("/steps/{step}");
        foreach (var command in RunCommandCatalog.All)
        {
            Map(command.OnStep ? step : run, command.Action, command.Policy, command.Input);
        }

        return api;
    }

    private static void Map(RouteGroupBuilder group, string action, string policy, Func<string?, Actor, string?, RunInput> input) =>
        group.MapPost($"/{action}", (
                string id,
                HttpContext context,
                RunCommands commands,
                [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
                [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] StepActionRequest? body,
                CancellationToken cancellationToken) =>
            {
                var caller = ApiCaller.From(context);
                var step = context.Request.RouteValues.TryGetValue("step", out var s) ? s as string : null;
                var reason = string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim();
                return commands.SubmitAsync(id, action, step, input(step, caller.Actor, reason), caller, idempotencyKey ?? body?.RequestId, reason, cancellationToken);
            })
            .RequireAuthorization(policy)
            .WithMetadata(new AuditActionMetadata(action))
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024));
}
