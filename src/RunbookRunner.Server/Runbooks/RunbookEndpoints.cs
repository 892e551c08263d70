using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts.Runbooks;
using RunbookRunner.Core.Planning;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;
using RunbookRunner.Server.Runs;

namespace RunbookRunner.Server.Runbooks;

/// <summary><c>GET /api/runbooks</c> (the runbooks folder, validated) and <c>GET /api/runbooks/{name}/plan?t0=&amp;env=</c>.</summary>
public static class RunbookEndpoints
{
    public static RouteGroupBuilder MapRunbookEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var runbooks = api.MapGroup("/runbooks").WithTags("Runbooks").RequireAuthorization(RunbookPolicies.Viewer);
        runbooks.MapGet("/", ListAsync);
        runbooks.MapGet("/{name}", GetAsync);
        runbooks.MapGet("/{name}/plan", PlanAsync);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<RunbookDto>>> ListAsync(RunbookCatalog catalog, CancellationToken cancellationToken)
    {
        var list = new List<RunbookDto>();
        foreach (var file in catalog.Files())
        {
            list.Add(await DescribeAsync(catalog, file, cancellationToken));
        }

        return TypedResults.Ok<IReadOnlyList<RunbookDto>>(list);
    }

    private static async Task<Results<Ok<RunbookDto>, ProblemHttpResult>> GetAsync(string name, RunbookCatalog catalog, CancellationToken cancellationToken) =>
        catalog.Find(name) is { } file
            ? TypedResults.Ok(await DescribeAsync(catalog, file, cancellationToken))
            : ApiProblems.RunbookNotFound(name, catalog.Folder);

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> PlanAsync(
        string name,
        RunbookCatalog catalog,
        TimeProvider time,
        [FromQuery] string? t0,
        [FromQuery] string? env,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is not { } file)
        {
            return ApiProblems.RunbookNotFound(name, catalog.Folder);
        }

        var (_, loaded) = await catalog.LoadAsync(file, cancellationToken);
        if (loaded.HasErrors || loaded.Runbook is not { } runbook)
        {
            return ApiProblems.InvalidRunbook(loaded.Diagnostics);
        }

        if (!LaunchTimes.TryParse(t0, runbook.TimeZone, time, out var launch, out var error))
        {
            return ApiProblems.InvalidRequest(error!);
        }

        var environment = string.IsNullOrWhiteSpace(env) ? null : env.Trim();
        if (environment is not null && !runbook.Environments.ContainsKey(environment))
        {
            return ApiProblems.InvalidRequest($"unknown environment '{environment}'; the runbook declares: {(runbook.Environments.Count == 0 ? "none" : string.Join(", ", runbook.Environments.Keys))}");
        }

        var plan = RunPlanner.Plan(runbook, launch, environment);
        return TypedResults.Ok(new PlanDto
        {
            Runbook = plan.Runbook,
            Title = plan.Title,
            T0 = plan.T0,
            TimeZone = plan.TimeZone,
            Environment = plan.Environment,
            RunStart = plan.RunStart,
            PlannedFinish = plan.PlannedFinish,
            PlannedFinishLatest = plan.PlannedFinishLatest,
            Steps = [.. plan.Steps.Select(s => new PlanStepDto
            {
                Id = s.Id,
                Title = s.Title,
                Kind = RunMapper.KindName(s.Kind),
                Action = s.Action,
                After = s.After,
                Anchor = s.Anchor?.ToString(),
                AnchorTime = s.AnchorTime,
                PlannedStart = s.PlannedStart,
                PlannedFinish = s.PlannedFinish,
                PlannedStartLatest = s.PlannedStartLatest,
                PlannedFinishLatest = s.PlannedFinishLatest,
                TOffset = s.TOffsetText,
                Clock = s.ClockTime.Iso,
                BehindAnchor = s.BehindAnchor,
                Skipped = s.Skipped,
                Critical = s.Critical,
                ParallelGroup = s.ParallelGroup,
            })],
            CriticalPath = plan.CriticalPath,
            Rollback = [.. plan.Rollback.Select(r => r.Id)],
            Guards = [.. plan.Guards.Select(g => new PlanGuardDto(g.Id, g.From, g.ActiveFrom, g.ActiveUntil, g.Then.ToString().ToLowerInvariant(), g.RequiresApproval))],
        });
    }

    private static async Task<RunbookDto> DescribeAsync(RunbookCatalog catalog, string file, CancellationToken cancellationToken)
    {
        var (_, loaded) = await catalog.LoadAsync(file, cancellationToken);
        return new RunbookDto
        {
            Name = RunbookCatalog.NameOf(file),
            File = catalog.Relative(file),
            Title = loaded.Runbook?.Title,
            Steps = loaded.Runbook?.Steps.Count ?? 0,
            Environments = [.. loaded.Runbook?.Environments.Keys ?? []],
            Valid = !loaded.HasErrors && loaded.Runbook is not null,
            Diagnostics = ApiProblems.Diagnostics(loaded.Diagnostics),
        };
    }
}
