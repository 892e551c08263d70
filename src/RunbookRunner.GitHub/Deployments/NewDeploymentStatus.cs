namespace RunbookRunner.GitHub.Deployments;

/// <summary>A status to post on a deployment. Descriptions longer than 140 characters are shortened.</summary>
public sealed record NewDeploymentStatus
{
    public required GitHubDeploymentState State { get; init; }

    /// <summary>Where to read the deployment's log, e.g. the run's page in RunbookRunner.</summary>
    public string? LogUrl { get; init; }

    /// <summary>Where the deployed environment can be reached.</summary>
    public string? EnvironmentUrl { get; init; }

    public string? Description { get; init; }

    /// <summary>Name of the environment, if the deployment moved to another one.</summary>
    public string? Environment { get; init; }

    /// <summary>Mark earlier deployments of the environment inactive on success; <see langword="null"/> = GitHub's default (true).</summary>
    public bool? AutoInactive { get; init; }
}
