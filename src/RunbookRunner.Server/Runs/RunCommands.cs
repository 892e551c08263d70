using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Metrics;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// Submits a person's command (approve, pause, ...) to the engine exactly as Slack does: the engine's decider
/// judges it (roles, N of M, forbid_self, legal transitions) and audits it. An idempotency key makes a retried
/// request apply once: a repeat answers with the run's current state instead of a conflict.
/// </summary>
public sealed class RunCommands(IRunStore store, RunEngine engine, RunViews views, ServerMetrics metrics)
{
    public async Task<Results<Ok<RunDto>, ProblemHttpResult>> SubmitAsync(
        string runId, string action, string? stepId, RunInput input, ApiCaller caller, string? idempotencyKey, string? reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await store.GetRunAsync(runId, cancellationToken) is null)
        {
            return ApiProblems.RunNotFound(runId);
        }

        var commandKey = CommandKey(runId, action, stepId, caller.ActorId, idempotencyKey);
        if (commandKey is not null && await store.CommandExistsAsync(commandKey, cancellationToken))
        {
            return await CurrentAsync(runId, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await engine.SubmitAsync(
            runId,
            input,
            new SubmitContext { CommandKey = commandKey, AuditAction = action, AuditDetail = reason },
            cancellationToken);
        metrics.ObserveCommand(action, Stopwatch.GetElapsedTime(started), result.Outcome);
        if (result.Error is { } error)
        {
            // Two copies of one request raced: the first applied, the second was judged on the new state.
            if (commandKey is not null && await store.CommandExistsAsync(commandKey, cancellationToken))
            {
                return await CurrentAsync(runId, cancellationToken);
            }

            return ApiProblems.Decision(error);
        }

        return await CurrentAsync(runId, cancellationToken);
    }

    /// <summary>
    /// The journal's command key: scoped to the run, action, step and person, so one client's key can never
    /// swallow another person's decision. Hashed to keep it short whatever the client sends.
    /// </summary>
    public static string? CommandKey(string runId, string action, string? stepId, string actorId, string? idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return null;
        }

        var material = string.Join('\n', runId, action, stepId ?? "", actorId, idempotencyKey.Trim());
        return "api:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    private async Task<Results<Ok<RunDto>, ProblemHttpResult>> CurrentAsync(string runId, CancellationToken cancellationToken) =>
        await views.GetAsync(runId, cancellationToken) is { } run ? TypedResults.Ok(run) : ApiProblems.RunNotFound(runId);
}
