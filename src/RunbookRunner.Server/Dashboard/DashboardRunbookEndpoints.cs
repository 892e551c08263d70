using Microsoft.AspNetCore.Http.HttpResults;
using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Planning;
using RunbookRunner.Server.Dashboard.Pages;
using RunbookRunner.Server.Problems;
using RunbookRunner.Server.Runbooks;
using RunbookRunner.Server.Runs;
using RunbookRunner.Server.Timeline;

namespace RunbookRunner.Server.Dashboard;

/// <summary>The runbooks folder and one runbook's page: its validation diagnostics and its plan for a chosen T0 as a timeline.</summary>
internal static class DashboardRunbookEndpoints
{
    public static RouteGroupBuilder MapDashboardRunbooks(this RouteGroupBuilder pages)
    {
        pages.MapGet("/runbooks", ListAsync);
        pages.MapGet("/runbooks/{name}", RunbookAsync);
        return pages;
    }

    public static async Task<IReadOnlyList<RunbookSummary>> SummariesAsync(RunbookCatalog catalog, CancellationToken cancellationToken)
    {
        var list = new List<RunbookSummary>();
        foreach (var file in catalog.Files())
        {
            var (_, loaded) = await catalog.LoadAsync(file, cancellationToken);
            list.Add(Summary(catalog, file, loaded));
        }

        return list;
    }

    private static async Task<IResult> ListAsync(HttpContext context, RunbookCatalog catalog, CancellationToken cancellationToken)
    {
        var frame = await DashboardPages.FrameAsync(context);
        return new RazorComponentResult<RunbooksPage>(new { Model = new RunbooksPageModel(frame, await SummariesAsync(catalog, cancellationToken)) });
    }

    private static async Task<IResult> RunbookAsync(
        string name, string? t0, string? env, HttpContext context, RunbookCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var frame = await DashboardPages.FrameAsync(context);
        if (catalog.Find(name) is not { } file)
        {
            Flash.Set(context, error: true, $"There is no runbook '{name}' in the runbooks folder.");
            return TypedResults.Redirect("/runbooks");
        }

        var (_, loaded) = await catalog.LoadAsync(file, cancellationToken);
        var summary = Summary(catalog, file, loaded);
        var environment = string.IsNullOrWhiteSpace(env) ? null : env.Trim();
        string? error = null;
        RunPlan? plan = null;
        if (loaded.Runbook is { } runbook && !loaded.HasErrors)
        {
            if (!LaunchTimes.TryParse(t0, runbook.TimeZone, time, out var launch, out var t0Error))
            {
                error = t0Error;
            }
            else if (environment is not null && !runbook.Environments.ContainsKey(environment))
            {
                error = $"unknown environment '{environment}'; the runbook declares: {string.Join(", ", runbook.Environments.Keys)}";
            }
            else
            {
                plan = RunPlanner.Plan(runbook, launch, environment);
            }
        }
        else
        {
            error = "The runbook has errors; fix them to see its plan.";
        }

        var svg = plan is null ? null : TimelineSvg.Render(TimelineChartBuilder.ForPlan(plan), "plan-timeline");
        return new RazorComponentResult<RunbookPage>(new
        {
            Model = new RunbookPageModel(frame, summary, ApiProblems.Diagnostics(loaded.Diagnostics), t0, environment, error, plan, svg),
        });
    }

    private static RunbookSummary Summary(RunbookCatalog catalog, string file, LoadResult loaded) => new(
        RunbookCatalog.NameOf(file),
        catalog.Relative(file),
        loaded.Runbook?.Title,
        !loaded.HasErrors && loaded.Runbook is not null,
        loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
        loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
        [.. loaded.Runbook?.Environments.Keys ?? []],
        loaded.Runbook?.Steps.Count ?? 0)
    {
        TimeZone = loaded.Runbook?.TimeZone,
    };
}
