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
/// (<c>POST /api/runs/{id}/steps/{step}/approve|reject|retry|skip|done</c>). The body is optional.
/// </summary>
public static class RunCommandEndpoints
{
    public static RouteGroupBuilder MapRunCommandEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var run = api.MapGroup("/runs/{id}").WithTags("Run commands");
        Map(run, "pause", RunbookPolicies.Operator, (_, by, _) => new PauseRun(by));
        Map(run, "resume", RunbookPolicies.Operator, (_, by, _) => new ResumeRun(by));
        Map(run, "abort", RunbookPolicies.Operator, (_, by, reason) => new AbortRun(by, reason));
        Map(run, "rollback", RunbookPolicies.Operator, (_, by, reason) => new RollbackRun(by, reason));

        var step = run.MapGroup("/steps/{step}");
        Map(step, "approve", RunbookPolicies.Approver, (s, by, _) => new Approve(s!, by));
        Map(step, "reject", RunbookPolicies.Approver, (s, by, reason) => new Reject(s!, by, reason));
        Map(step, "retry", RunbookPolicies.Operator, (s, by, _) => new RetryStep(s!, by));
        Map(step, "skip", RunbookPolicies.Operator, (s, by, _) => new SkipStep(s!, by));
        Map(step, "done", RunbookPolicies.Operator, (s, by, _) => new CompleteManual(s!, by));
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
