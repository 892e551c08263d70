namespace RunbookRunner.GitHub;

/// <summary>
/// The GitHub REST operations runbook actions need. Failures throw <see cref="Errors.GitHubApiException"/> subclasses;
/// rate limits are waited out (within <see cref="GitHubOptions.MaxRateLimitWait"/>) rather than failed.
/// </summary>
/// <remarks>Split by area into partial files: commits and checks, issues, deployments, releases, workflows.</remarks>
public partial interface IGitHubClient
{
    /// <summary>A client that sends <paramref name="token"/> instead of the configured one (a step's own token).</summary>
    IGitHubClient WithToken(string token);
}
