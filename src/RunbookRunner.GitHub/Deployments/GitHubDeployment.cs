using System.Text.Json;

namespace RunbookRunner.GitHub.Deployments;

/// <summary>A deployment record.</summary>
public sealed record GitHubDeployment
{
    public long Id { get; init; }

    public string Sha { get; init; } = "";

    public string Ref { get; init; } = "";

    public string Environment { get; init; } = "";

    public string? Task { get; init; }

    public string? Description { get; init; }

    public JsonElement? Payload { get; init; }

    public string? Url { get; init; }

    public string? StatusesUrl { get; init; }

    public bool? ProductionEnvironment { get; init; }

    public bool? TransientEnvironment { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
