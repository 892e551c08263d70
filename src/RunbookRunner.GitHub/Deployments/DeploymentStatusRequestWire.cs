namespace RunbookRunner.GitHub.Deployments;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/deployments/{id}/statuses</c>.</summary>
internal sealed record DeploymentStatusRequestWire
{
    public required GitHubDeploymentState State { get; init; }

    public string? LogUrl { get; init; }

    public string? EnvironmentUrl { get; init; }

    public string? Description { get; init; }

    public string? Environment { get; init; }

    public bool? AutoInactive { get; init; }
}
