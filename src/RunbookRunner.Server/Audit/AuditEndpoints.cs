using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts.Audit;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Audit;

/// <summary><c>GET /api/audit?run=&amp;actor=&amp;outcome=allowed|denied&amp;before=&amp;limit=</c>: the audit trail, newest first.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", ListAsync).RequireAuthorization(RunbookPolicies.Viewer).WithTags("Audit");
        return api;
    }

    private static async Task<Results<Ok<AuditListDto>, ProblemHttpResult>> ListAsync(
        IAuditStore audit,
        [FromQuery] string? run,
        [FromQuery] string? actor,
        [FromQuery] string? outcome,
        [FromQuery] long? before,
        [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        AuditOutcome? parsedOutcome = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            if (!Enum.TryParse<AuditOutcome>(outcome, ignoreCase: true, out var o) || !Enum.IsDefined(o))
            {
                return ApiProblems.InvalidRequest($"outcome '{outcome}' must be 'allowed' or 'denied'");
            }

            parsedOutcome = o;
        }

        var max = Math.Clamp(limit ?? 100, 1, 1000);
        var entries = await audit.ListAsync(
            new AuditQuery
            {
                RunId = string.IsNullOrWhiteSpace(run) ? null : run,
                Actor = string.IsNullOrWhiteSpace(actor) ? null : actor,
                Outcome = parsedOutcome,
                BeforeId = before,
                Limit = max,
            },
            cancellationToken);
        var items = entries.Select(e => new AuditEntryDto
        {
            Id = e.Id,
            At = e.At,
            Actor = e.Actor,
            Source = AuditSources.Name(e.Source),
            Action = e.Action,
            RunId = e.RunId,
            StepId = e.StepId,
            Outcome = e.Outcome.ToString().ToLowerInvariant(),
            Detail = e.Detail,
            Hash = e.Hash,
        }).ToList();
        return TypedResults.Ok(new AuditListDto(items, items.Count == max ? items[^1].Id : null));
    }
}
