namespace RunbookRunner.GitHub.Deployments;

/// <summary>State of a deployment status (wire names are snake_case, e.g. <c>in_progress</c>).</summary>
public enum GitHubDeploymentState
{
    Error,
    Failure,
    Inactive,
    InProgress,
    Queued,
    Pending,
    Success,
}
