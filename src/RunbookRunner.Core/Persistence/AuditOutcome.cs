namespace RunbookRunner.Core.Persistence;

/// <summary>Whether an audited action was let through.</summary>
public enum AuditOutcome
{
    Allowed,
    Denied,
}
