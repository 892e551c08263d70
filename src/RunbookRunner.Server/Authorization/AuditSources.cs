using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Server.Authorization;

/// <summary>Maps a caller's source name to the audit trail's.</summary>
internal static class AuditSources
{
    public static AuditSource Of(string source) => source switch
    {
        "cli" => AuditSource.Cli,
        "web" => AuditSource.Web,
        "slack" => AuditSource.Slack,
        _ => AuditSource.Api,
    };

    public static string Name(AuditSource source) => source.ToString().ToLowerInvariant();
}
