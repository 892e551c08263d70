using System.Text.Json.Nodes;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A deployment record and its statuses (oldest first).</summary>
public sealed class FakeDeployment
{
    public required long Id { get; init; }

    public required string Sha { get; init; }

    public required string Ref { get; init; }

    public required string Environment { get; set; }

    public string Task { get; init; } = "deploy";

    public string? Description { get; init; }

    public JsonNode? Payload { get; init; }

    public bool ProductionEnvironment { get; init; }

    public bool TransientEnvironment { get; init; }

    public string Creator { get; init; } = "runbook-bot";

    public DateTimeOffset CreatedAt { get; init; }

    public List<FakeDeploymentStatus> Statuses { get; } = [];
}
