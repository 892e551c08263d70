using Microsoft.AspNetCore.Http.HttpResults;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Problems;
using RunbookRunner.Server.Runbooks;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// Starts a run for a caller: the runbook by name from the runbooks folder or as text, validated at once, T0 read in
/// the runbook's zone, an idempotency key scoped to the caller. Used by <c>POST /api/runs</c> and the dashboard.
/// </summary>
public sealed class RunStarter(RunEngine engine, RunViews views, RunbookCatalog catalog, TimeProvider time)
{
    public async Task<Results<Created<RunDto>, ProblemHttpResult>> StartAsync(
        Contracts.Runs.StartRunRequest request,
        ApiCaller caller,
        string? idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        string yaml;
        string sourcePath;
        string? directory = null;
        if (!string.IsNullOrEmpty(request.Yaml))
        {
            if (!string.IsNullOrEmpty(request.Runbook))
            {
                return ApiProblems.InvalidRequest("give either 'runbook' (a name) or 'yaml' (the text), not both");
            }

            yaml = request.Yaml;
            // Only a label in diagnostics ("runbooks/launch-day.yaml:4:3"); nothing is read from it.
            sourcePath = request.FileName is { Length: > 0 and <= 260 } f ? f.Trim() : "runbook.yaml";
        }
        else if (!string.IsNullOrWhiteSpace(request.Runbook))
        {
            var file = catalog.Find(request.Runbook.Trim());
            if (file is null)
            {
                return ApiProblems.RunbookNotFound(request.Runbook, catalog.Folder);
            }

            yaml = await File.ReadAllTextAsync(file, cancellationToken);
            sourcePath = catalog.Relative(file);
            directory = Path.GetDirectoryName(file);
        }
        else
        {
            return ApiProblems.InvalidRequest("give 'runbook' (a name from GET /api/runbooks) or 'yaml' (the runbook text)");
        }

        // The runbook's time zone gives meaning to a T0 without an offset; an invalid runbook is answered here at once.
        var loaded = RunbookLoader.Load(yaml, sourcePath);
        if (loaded.HasErrors || loaded.Runbook is null)
        {
            return ApiProblems.InvalidRunbook(loaded.Diagnostics);
        }

        if (!LaunchTimes.TryParse(request.T0, loaded.Runbook.TimeZone, time, out var t0, out var t0Error))
        {
            return ApiProblems.InvalidRequest(t0Error!);
        }

        var key = idempotencyKey ?? request.RequestId;
        var state = await engine.StartAsync(
            new Engine.Runs.StartRunRequest
            {
                RunbookYaml = yaml,
                SourcePath = sourcePath,
                T0 = t0,
                Environment = string.IsNullOrWhiteSpace(request.Env) ? null : request.Env.Trim(),
                StartedBy = caller.ActorId,
                Source = caller.Source,
                Rehearsal = request.Rehearsal is { } r ? RehearsalSettings.WithFailures(r.Fail, r.ApproveAll) : null,
                Settings = new RunSettings
                {
                    Variables = request.Vars ?? [],
                    SecretSources = request.Secrets ?? [],
                    WorkingDirectory = directory,
                },
                RequestId = string.IsNullOrWhiteSpace(key) ? null : StartKey(caller, key),
            },
            cancellationToken);
        var run = await views.GetAsync(state.RunId, cancellationToken) ?? throw new RunNotFoundException(state.RunId);
        return TypedResults.Created($"/api/runs/{run.Id}", run);
    }

    // Scoped to the caller, so two people's keys never collide.
    private static string StartKey(ApiCaller caller, string key) =>
        RunCommands.CommandKey("-", "start", null, caller.ActorId, key)!;
}
