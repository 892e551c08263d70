namespace RunbookRunner.GitHub.Deployments;

/// <summary>A status of a deployment, as the deployer reported it.</summary>
public sealed record GitHubDeploymentStatus
{
    public long Id { get; init; }

    public GitHubDeploymentState State { get; init; }

    public string? Description { get; init; }

    public string? Environment { get; init; }

    public string? LogUrl { get; init; }

    public string? EnvironmentUrl { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Whether the deployment is over: success, failure, error or inactive.</summary>
    public bool IsFinal => State is GitHubDeploymentState.Success or GitHubDeploymentState.Failure
        or GitHubDeploymentState.Error or GitHubDeploymentState.Inactive;
}
