using System.Text.Json.Nodes;

namespace RunbookRunner.GitHub.Deployments;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/deployments</c>.</summary>
internal sealed record DeploymentRequestWire
{
    public required string Ref { get; init; }

    public required string Environment { get; init; }

    public string? Description { get; init; }

    public JsonNode? Payload { get; init; }

    public bool AutoMerge { get; init; }

    public IReadOnlyList<string>? RequiredContexts { get; init; }

    public string? Task { get; init; }

    public bool? ProductionEnvironment { get; init; }

    public bool? TransientEnvironment { get; init; }
}
