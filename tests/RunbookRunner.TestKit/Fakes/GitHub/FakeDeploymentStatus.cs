namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A status of a deployment.</summary>
public sealed class FakeDeploymentStatus
{
    public required long Id { get; init; }

    public required long DeploymentId { get; init; }

    public required string State { get; init; }

    public string? Description { get; init; }

    public required string Environment { get; init; }

    public string? LogUrl { get; init; }

    public string? EnvironmentUrl { get; init; }

    public string Creator { get; init; } = "runbook-bot";

    public DateTimeOffset CreatedAt { get; init; }
}
