namespace RunbookRunner.Core.Schema;

/// <summary>
/// The built-in action types of the runbook language: their parameters, idempotency, outputs and whether
/// they can serve as approval gates. The validator checks runbooks against it; action implementations
/// return these descriptors so the language and the code cannot drift apart.
/// </summary>
public static partial class ActionCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, ActionDescriptor>> All = new(Build);

    /// <summary>Every built-in action by type name.</summary>
    public static IReadOnlyDictionary<string, ActionDescriptor> BuiltIn => All.Value;

    /// <summary>The descriptor of <paramref name="type"/>, or null when there is no such action.</summary>
    public static ActionDescriptor? Find(string type) =>
        type is not null && All.Value.TryGetValue(type, out var descriptor) ? descriptor : null;

    private static Dictionary<string, ActionDescriptor> Build()
    {
        ActionDescriptor[] all =
        [
            Shell(), Http(), HttpCheck(), HttpWait(),
            PostgresBackup(), PostgresRestore(), Sql(),
            GitHubCommitStatus(), GitHubOpenIssues(), GitHubDeployment(), GitHubRelease(), GitHubWorkflow(),
            DnsCloudflare(), DnsCheck(),
            SlackPost(),
        ];
        return all.ToDictionary(d => d.Type, StringComparer.Ordinal);
    }
}
