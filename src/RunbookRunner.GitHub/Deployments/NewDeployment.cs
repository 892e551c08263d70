using System.Text.Json.Nodes;

namespace RunbookRunner.GitHub.Deployments;

/// <summary>What to deploy. The client always sends <c>auto_merge: false</c>: a runbook deploys exactly the ref it names.</summary>
public sealed record NewDeployment
{
    /// <summary>Branch, tag or SHA.</summary>
    public required string Ref { get; init; }

    public string Environment { get; init; } = "production";

    public string? Description { get; init; }

    /// <summary>Free JSON for the deployer (e.g. the run id).</summary>
    public JsonNode? Payload { get; init; }

    /// <summary>Contexts that must be green; <see langword="null"/> = all of them (GitHub's default), empty = skip the check.</summary>
    public IReadOnlyList<string>? RequiredContexts { get; init; }

    /// <summary>Task name; GitHub defaults to <c>deploy</c>.</summary>
    public string? Task { get; init; }

    public bool? ProductionEnvironment { get; init; }

    public bool? TransientEnvironment { get; init; }
}
