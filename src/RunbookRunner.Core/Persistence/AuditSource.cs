namespace RunbookRunner.Core.Persistence;

/// <summary>Where an audited action came from.</summary>
public enum AuditSource
{
    Slack,
    Web,
    Api,
    Cli,
    System,
}
