using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;
using RunbookRunner.Server.Runbooks;

namespace RunbookRunner.Server.Runs;

/// <summary><c>/api/runs</c>: start, list and read runs.</summary>
public static class RunEndpoints
{
    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync)
            .RequireAuthorization(RunbookPolicies.Operator)
            .WithMetadata(new AuditActionMetadata("start"));
        runs.MapGet("/", ListAsync).RequireAuthorization(RunbookPolicies.Viewer);
        runs.MapGet("/{id}", GetAsync).RequireAuthorization(RunbookPolicies.Viewer).WithName("GetRun");
        return api;
    }

    private static Task<Results<Created<RunDto>, ProblemHttpResult>> StartAsync(
        Contracts.Runs.StartRunRequest request,
        HttpContext context,
        RunStarter starter,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        starter.StartAsync(request, ApiCaller.From(context), idempotencyKey, cancellationToken);

    private static async Task<Ok<RunListDto>> ListAsync(
        IRunStore store,
        [FromQuery(Name = "state")] string[]? states,
        [FromQuery] string? runbook,
        [FromQuery] bool? unfinished,
        [FromQuery] string? cursor,
        [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        var page = await store.ListRunsAsync(
            new RunQuery
            {
                States = [.. (states ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                RunbookName = string.IsNullOrWhiteSpace(runbook) ? null : runbook,
                Unfinished = unfinished,
                Cursor = string.IsNullOrWhiteSpace(cursor) ? null : cursor,
                PageSize = Math.Clamp(limit ?? 50, 1, 500),
            },
            cancellationToken);
        return TypedResults.Ok(new RunListDto([.. page.Items.Select(RunMapper.ToListItem)], page.NextCursor));
    }

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> GetAsync(string id, RunViews views, CancellationToken cancellationToken) =>
        await views.GetAsync(id, cancellationToken) is { } run ? TypedResults.Ok(run) : ApiProblems.RunNotFound(id);
}
