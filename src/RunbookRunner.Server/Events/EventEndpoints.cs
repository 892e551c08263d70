using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Events;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Events;

/// <summary>
/// <c>GET /api/runs/{id}/events</c>: the journal as JSON (<c>?after=N&amp;limit=M</c>), or with
/// <c>Accept: text/event-stream</c> a live SSE stream that resumes after <c>Last-Event-ID</c> (or <c>?after=</c>).
/// </summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/runs/{id}/events", GetAsync).RequireAuthorization(RunbookPolicies.Viewer).WithTags("Events");
        return api;
    }

    private static async Task<Results<Ok<EventListDto>, EventStreamResult, ProblemHttpResult>> GetAsync(
        string id,
        HttpContext context,
        IRunStore store,
        EventReader reader,
        [FromQuery] long? after,
        [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        var record = await store.GetRunAsync(id, cancellationToken);
        if (record is null)
        {
            return ApiProblems.RunNotFound(id);
        }

        var from = after ?? 0;
        if (long.TryParse(context.Request.Headers[ApiHeaders.LastEventId].ToString(), out var lastEventId))
        {
            from = lastEventId;
        }

        if (from < 0)
        {
            return ApiProblems.InvalidRequest("'after' must be 0 or a sequence number");
        }

        if (context.Request.Headers.Accept.Any(a => a?.Contains(ApiHeaders.EventStream, StringComparison.OrdinalIgnoreCase) == true))
        {
            return new EventStreamResult(record, from);
        }

        var (items, more) = await reader.Open(record).ReadAsync(from, Math.Clamp(limit ?? 1000, 1, 5000), cancellationToken);
        return TypedResults.Ok(new EventListDto(id, items, items.Count > 0 ? items[^1].Sequence : from, more));
    }
}
