using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts.Logs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Logs;

/// <summary><c>GET /api/runs/{id}/logs?step=&amp;after=&amp;limit=</c>: output lines of step attempts (redacted when stored).</summary>
public static class LogEndpoints
{
    public static RouteGroupBuilder MapLogEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/runs/{id}/logs", GetAsync).RequireAuthorization(RunbookPolicies.Viewer).WithTags("Logs");
        return api;
    }

    private static async Task<Results<Ok<LogListDto>, ProblemHttpResult>> GetAsync(
        string id,
        IRunStore runs,
        IStepLogStore logs,
        [FromQuery] string? step,
        [FromQuery] long? after,
        [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        if (await runs.GetRunAsync(id, cancellationToken) is null)
        {
            return ApiProblems.RunNotFound(id);
        }

        var max = Math.Clamp(limit ?? 1000, 1, 5000);
        var lines = await logs.ReadAsync(id, string.IsNullOrWhiteSpace(step) ? null : step, after ?? 0, max, cancellationToken);
        var items = lines.Select(l => new LogLineDto(l.Id, l.StepId, l.Attempt, l.At, l.Text)).ToList();
        return TypedResults.Ok(new LogListDto(items, items.Count > 0 ? items[^1].Id : after ?? 0, items.Count == max));
    }
}
