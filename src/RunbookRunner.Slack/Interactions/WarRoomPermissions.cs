using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Deciding;

namespace RunbookRunner.Slack.Interactions;

/// <summary>
/// Who may act from Slack. Approvals and manual tasks with roles are judged by the engine (the same rules as the
/// API); for operator actions (start, pause, resume, abort, roll back, retry, skip, mark done) anyone in any of the
/// runbook's roles counts as an operator. Refusals made here are audited like the engine's.
/// </summary>
public sealed class WarRoomPermissions(IAuditStore audit, ILogger<WarRoomPermissions> logger)
{
    /// <summary>True when <paramref name="userId"/> is in any role of <paramref name="runbook"/>.</summary>
    public static bool IsOperator(Runbook runbook, string userId)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        return runbook.Roles.Values.Any(users => users.Contains(userId, StringComparer.Ordinal));
    }

    /// <summary>Why <paramref name="userId"/> may not <paramref name="action"/>, in words for the user.</summary>
    public static string Refusal(Runbook runbook, string userId, string action)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        return runbook.Roles.Count == 0
            ? $"{userId} may not {action} {runbook.Name}: the runbook defines no roles, so nobody may {action} it from Slack"
            : $"{userId} may not {action} {runbook.Name}: only people in the runbook's roles ({string.Join(", ", runbook.Roles.Keys)}) may";
    }

    /// <summary>Audits a refused attempt and returns the explanation to show.</summary>
    public async Task<string> DenyAsync(Runbook runbook, string userId, string action, string? runId, string? stepId, CancellationToken cancellationToken = default)
    {
        var reason = Refusal(runbook, userId, action);
        try
        {
            await audit.AppendAsync(
                new NewAuditEntry
                {
                    Actor = userId,
                    Source = AuditSource.Slack,
                    Action = action,
                    RunId = runId,
                    StepId = stepId,
                    Outcome = AuditOutcome.Denied,
                    Detail = $"{DecisionErrorCodes.NotAllowed}: {reason}",
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex)
        {
            // The refusal stands; losing its audit entry is worth an error in the log.
            logger.LogError("Could not audit the refused {Action} by {User} on run {RunId}: {Error}", action, userId, runId, ex.Message);
        }

        return reason;
    }
}
