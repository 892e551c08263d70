using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Slack.Interactions;

/// <summary>
/// Submits a Slack user's decision to the engine with its idempotency key and audit action, checking operator
/// rights first where the engine does not judge them, and turns the outcome into a reply.
/// </summary>
public sealed class WarRoomSubmitter(RunEngine engine, WarRoomPermissions permissions, ILogger<WarRoomSubmitter> logger)
{
    /// <param name="runId">The run.</param>
    /// <param name="input">The decision, with the Slack user as actor.</param>
    /// <param name="action">Audit action (<c>approve</c>, <c>retry</c>, ...), also the verb in refusals.</param>
    /// <param name="stepId">The step or approval target acted on, if any.</param>
    /// <param name="commandKey">Idempotency key: a Slack retry or a double click counts once.</param>
    /// <param name="requireOperator">Given the run, whether the user must be in any of the runbook's roles (checked here, before the engine).</param>
    /// <param name="success">The reply when the decision was applied, given the state after it.</param>
    /// <param name="auditDetail">Extra audit text (a rejection's reason).</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    public async Task<WarRoomReply> SubmitAsync(
        string runId,
        RunInput input,
        string action,
        string? stepId,
        string commandKey,
        Func<RunState, bool> requireOperator,
        Func<RunState, string> success,
        string? auditDetail = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(requireOperator);
        ArgumentNullException.ThrowIfNull(success);
        var actor = ActorOf(input);
        try
        {
            var state = await engine.GetStateAsync(runId, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return WarRoomReply.Refused($"Run `{runId}` was not found.");
            }

            if (requireOperator(state) && !WarRoomPermissions.IsOperator(state.Runbook, actor))
            {
                return WarRoomReply.Refused("⛔ " + await permissions.DenyAsync(state.Runbook, actor, action, runId, stepId, cancellationToken).ConfigureAwait(false));
            }

            var result = await engine.SubmitAsync(
                runId,
                input,
                new SubmitContext { CommandKey = commandKey, AuditAction = action, AuditDetail = auditDetail },
                cancellationToken).ConfigureAwait(false);
            return result switch
            {
                { Error: { } error } => WarRoomReply.Refused("⛔ " + error.Message),
                // A replayed key, or a decision the run already holds (the same person approving twice): once is enough.
                { Outcome: SubmitOutcome.Duplicate } or { Events.Count: 0 } => WarRoomReply.Done("This was already recorded; nothing changed."),
                _ => WarRoomReply.Done(success(result.State)),
            };
        }
        catch (RunNotFoundException)
        {
            return WarRoomReply.Refused($"Run `{runId}` was not found.");
        }
        catch (StorageException ex)
        {
            logger.LogError("Could not submit {Action} by {User} on run {RunId}: {Error}", action, actor, runId, ex.Message);
            return WarRoomReply.Refused($"Your {action} could not be recorded ({ex.Message}); nothing changed. Try again in a moment.");
        }
    }

    /// <summary>For decisions the engine judges itself (approvals, manual tasks with roles).</summary>
    public static bool EngineJudges(RunState state) => false;

    /// <summary>For operator actions the engine does not judge (retry, skip, roll back, abort, pause, ...).</summary>
    public static bool Operators(RunState state) => true;

    private static string ActorOf(RunInput input) => input switch
    {
        Approve a => a.By.Id,
        Reject r => r.By.Id,
        CompleteManual m => m.By.Id,
        FailManual m => m.By.Id,
        RetryStep r => r.By.Id,
        SkipStep s => s.By.Id,
        RollbackRun r => r.By.Id,
        AbortRun a => a.By.Id,
        PauseRun p => p.By.Id,
        ResumeRun r => r.By.Id,
        _ => throw new ArgumentException($"{input.GetType().Name} is not a person's decision.", nameof(input)),
    };
}
