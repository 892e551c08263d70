using RunbookRunner.GitHub.Deployments;

namespace RunbookRunner.GitHub;

public partial interface IGitHubClient
{
    /// <summary>
    /// Creates a deployment (<c>auto_merge: false</c>). A 202 "auto-merged" answer is retried up to
    /// <see cref="GitHubOptions.MaxRetries"/> times; 409 and 422 throw with GitHub's message and errors.
    /// </summary>
    Task<GitHubDeployment> CreateDeploymentAsync(GitHubRepository repository, NewDeployment deployment, CancellationToken cancellationToken = default);

    /// <summary>Posts a status on a deployment.</summary>
    Task<GitHubDeploymentStatus> CreateDeploymentStatusAsync(GitHubRepository repository, long deploymentId, NewDeploymentStatus status, CancellationToken cancellationToken = default);

    /// <summary>All statuses of a deployment, newest first.</summary>
    Task<IReadOnlyList<GitHubDeploymentStatus>> ListDeploymentStatusesAsync(GitHubRepository repository, long deploymentId, CancellationToken cancellationToken = default);

    /// <summary>The newest status of a deployment, or <see langword="null"/> when it has none yet.</summary>
    Task<GitHubDeploymentStatus?> GetLatestDeploymentStatusAsync(GitHubRepository repository, long deploymentId, CancellationToken cancellationToken = default);
}
