using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Reports;

/// <summary><c>GET /api/runs/{id}/report?format=json|md|html</c>: the launch report of a run (JSON by default).</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/runs/{id}/report", GetAsync).RequireAuthorization(RunbookPolicies.Viewer).WithTags("Reports");
        return api;
    }

    private static async Task<IResult> GetAsync(string id, RunReports reports, [FromQuery] string? format, CancellationToken cancellationToken)
    {
        if (!ReportRendering.TryParse(format, ReportFormat.Json, out var parsed))
        {
            return ApiProblems.InvalidRequest($"format '{format}' must be json, md or html");
        }

        return await reports.BuildAsync(id, cancellationToken) is { } report
            ? ReportRendering.Render(report, parsed)
            : ApiProblems.RunNotFound(id);
    }
}
