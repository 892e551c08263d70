using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Dashboard.Pages;
using RunbookRunner.Server.Events;
using RunbookRunner.Server.Reports;
using RunbookRunner.Server.Runbooks;
using RunbookRunner.Server.Runs;

namespace RunbookRunner.Server.Dashboard;

/// <summary>
/// The runs list, the start form, a run's page, its live fragment and event stream, its commands and its report.
/// Commands and starts go through the API's own code (<see cref="RunCommands"/>, <see cref="RunStarter"/>) under the
/// API's policies (<see cref="RunCommandCatalog"/>); the engine judges them the same whoever sends them.
/// </summary>
internal static class DashboardRunEndpoints
{
    public static RouteGroupBuilder MapDashboardRuns(this RouteGroupBuilder pages)
    {
        pages.MapGet("/runs", ListAsync);
        pages.MapPost("/runs", StartAsync);
        pages.MapGet("/runs/{id}", RunAsync);
        pages.MapGet("/runs/{id}/live", LiveAsync);
        pages.MapGet("/runs/{id}/events", EventsAsync);
        pages.MapPost("/runs/{id}/commands", CommandAsync);
        pages.MapGet("/runs/{id}/report", ReportAsync);
        return pages;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        IRunStore store,
        RunbookCatalog catalog,
        string? state,
        string? runbook,
        int? limit,
        string? cursor,
        string? newer,
        CancellationToken cancellationToken)
    {
        var filter = RunsFilter.From(state, runbook, limit);
        cursor = string.IsNullOrWhiteSpace(cursor) ? null : cursor;
        newer = string.IsNullOrWhiteSpace(newer) ? null : newer;
        RunPage page;
        try
        {
            page = await store.ListRunsAsync(filter.Query(cursor, newer), cancellationToken);
        }
        catch (ArgumentException) when (cursor is not null || newer is not null)
        {
            // A hand-edited or stale page link: say so and start again at the newest runs.
            Flash.Set(context, error: true, "That page link is not valid; showing the newest runs.");
            return TypedResults.Redirect(filter.Url());
        }

        var frame = await DashboardPages.FrameAsync(context);
        var runbooks = await DashboardRunbookEndpoints.SummariesAsync(catalog, cancellationToken);
        return new RazorComponentResult<RunsPage>(new
        {
            Model = new RunsPageModel(frame, [.. page.Items.Select(RunMapper.ToListItem)], runbooks)
            {
                Filter = filter,
                OlderUrl = page.NextCursor is { } older ? filter.Url(cursor: older) : null,
                NewerUrl = page.PreviousCursor is { } newest ? filter.Url(newer: newest) : null,
            },
        });
    }

    private static async Task<IResult> StartAsync(
        HttpContext context,
        IFormCollection form,
        IAuthorizationService authorization,
        RefusalAudit refusals,
        RunStarter starter,
        CancellationToken cancellationToken)
    {
        var caller = DashboardPages.Caller(context);
        if (!(await authorization.AuthorizeAsync(context.User, RunbookPolicies.Operator)).Succeeded)
        {
            var detail = await refusals.AuditAsync(caller, "start", RoleNames.Of(TokenRole.Operator), null, null, cancellationToken);
            Flash.Set(context, error: true, $"Refused: {detail}.");
            return TypedResults.Redirect("/runs");
        }

        var rehearsal = DashboardPages.Field(form, "rehearsal") == "true";
        var request = new StartRunRequest
        {
            Runbook = DashboardPages.Field(form, "runbook"),
            T0 = DashboardPages.Field(form, "t0"),
            Env = DashboardPages.Field(form, "env"),
            Rehearsal = rehearsal
                ? new RehearsalRequest
                {
                    Fail = [.. (DashboardPages.Field(form, "fail") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                }
                : null,
        };
        var result = await starter.StartAsync(request, caller, DashboardPages.Field(form, "request"), cancellationToken);
        switch (result.Result)
        {
            case Created<RunDto> { Value: { } run }:
                Flash.Set(context, error: false, $"Started run {run.Id}{(rehearsal ? " (rehearsal)" : "")}.");
                return TypedResults.Redirect(DashboardPages.RunUrl(run.Id));
            case ProblemHttpResult problem:
                Flash.Set(context, error: true, Problem(problem));
                return TypedResults.Redirect("/runs");
            default:
                throw new InvalidOperationException("The run starter answered neither a run nor a problem.");
        }
    }

    private static async Task<IResult> RunAsync(string id, HttpContext context, RunPageLoader loader, CancellationToken cancellationToken)
    {
        var frame = await DashboardPages.FrameAsync(context);
        var model = await loader.LoadAsync(id, frame, cancellationToken);
        if (model is null)
        {
            Flash.Set(context, error: true, $"There is no run '{id}'.");
            return TypedResults.Redirect("/runs");
        }

        return new RazorComponentResult<RunView>(new { Model = model });
    }

    private static async Task<IResult> LiveAsync(string id, HttpContext context, RunPageLoader loader, CancellationToken cancellationToken)
    {
        var frame = await DashboardPages.FrameAsync(context, takeFlash: false);
        var model = await loader.LoadAsync(id, frame, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return model is null ? Results.NotFound() : new RazorComponentResult<RunLive>(new { Model = model });
    }

    private static async Task<IResult> EventsAsync(string id, HttpContext context, IRunStore store, long? after, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken) is not { } record)
        {
            return Results.NotFound();
        }

        // A reconnecting EventSource says where it stopped; the page says which version it showed.
        var from = long.TryParse(context.Request.Headers[ApiHeaders.LastEventId].ToString(), out var last) ? last : Math.Max(0, after ?? 0);
        return new EventStreamResult(record, from);
    }

    private static async Task<IResult> CommandAsync(
        string id,
        HttpContext context,
        IFormCollection form,
        IAuthorizationService authorization,
        RefusalAudit refusals,
        RunCommands commands,
        CancellationToken cancellationToken)
    {
        var back = DashboardPages.RunUrl(id);
        var spec = RunCommandCatalog.Find(DashboardPages.Field(form, "action"));
        var step = DashboardPages.Field(form, "step");
        if (spec is null || (spec.OnStep && step is null))
        {
            Flash.Set(context, error: true, "Unknown command: choose one of the buttons on the run's page.");
            return TypedResults.Redirect(back);
        }

        var caller = DashboardPages.Caller(context);
        var stepId = spec.OnStep ? step : null;
        if (!(await authorization.AuthorizeAsync(context.User, spec.Policy)).Succeeded)
        {
            var detail = await refusals.AuditAsync(caller, spec.Action, RoleNames.Of(RunbookPolicies.RoleOf(spec.Policy)), id, stepId, cancellationToken);
            Flash.Set(context, error: true, $"Refused: {detail}.");
            return TypedResults.Redirect(back);
        }

        var reason = DashboardPages.Field(form, "reason");
        var result = await commands.SubmitAsync(
            id, spec.Action, stepId, spec.Input(stepId, caller.Actor, reason), caller, DashboardPages.Field(form, "request"), reason, cancellationToken);
        if (result.Result is ProblemHttpResult problem)
        {
            Flash.Set(context, error: true, Problem(problem));
        }
        else
        {
            Flash.Set(context, error: false, $"{spec.Action}{(stepId is null ? "" : " " + stepId)}: done.");
        }

        return TypedResults.Redirect(back);
    }

    private static async Task<IResult> ReportAsync(string id, RunReports reports, string? format, CancellationToken cancellationToken)
    {
        if (!ReportRendering.TryParse(format, ReportFormat.Html, out var parsed))
        {
            return Results.BadRequest("format must be html, md or json");
        }

        return await reports.BuildAsync(id, cancellationToken) is { } report ? ReportRendering.Render(report, parsed) : Results.NotFound();
    }

    private static string Problem(ProblemHttpResult problem)
    {
        var details = problem.ProblemDetails;
        var text = details.Detail ?? details.Title ?? "the request was refused";
        if (details.Extensions.TryGetValue("diagnostics", out var diagnostics) && diagnostics is IEnumerable<Contracts.Runbooks.DiagnosticDto> list)
        {
            text += ": " + string.Join("; ", list.Take(5).Select(d => $"{d.File}:{d.Line}:{d.Column} {d.Code} {d.Message}"));
        }

        return text;
    }
}
