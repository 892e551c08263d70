using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;

namespace RunbookRunner.Server.Authorization;

/// <summary>Writes a refused attempt (a role too low for the command) to the audit trail, for the API and the dashboard alike.</summary>
public sealed class RefusalAudit(IAuditStore audit, ILogger<RefusalAudit> logger)
{
    /// <summary>Audits the refusal and returns the explanation given to the caller.</summary>
    public async Task<string> AuditAsync(ApiCaller caller, string action, string neededRole, string? runId, string? stepId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var detail = $"token '{caller.Name}' has role {caller.Role}; {action} needs {neededRole}";
        try
        {
            await audit.AppendAsync(
                new NewAuditEntry
                {
                    Actor = caller.ActorId,
                    Source = AuditSources.Of(caller.Source),
                    Action = action,
                    RunId = runId,
                    StepId = stepId,
                    Outcome = AuditOutcome.Denied,
                    Detail = detail,
                },
                cancellationToken);
        }
        catch (StorageException ex)
        {
            // The refusal stands either way; an audit that cannot be written is an operator's problem to see.
            logger.LogError("Could not audit refused {Action} by {Actor}: {Error}", action, caller.ActorId, ex.Message);
        }

        return detail;
    }
}
