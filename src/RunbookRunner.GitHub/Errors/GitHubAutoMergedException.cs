namespace RunbookRunner.GitHub.Errors;

/// <summary>
/// GitHub kept answering 202 (auto-merged the default branch into the ref) instead of creating the deployment,
/// more times than the client retries.
/// </summary>
public sealed class GitHubAutoMergedException(GitHubErrorInfo info)
    : GitHubApiException(info, "GitHub merged the default branch into the ref instead of creating the deployment; create it again once the ref is up to date.", null)
{
    public override bool IsRetryable => true;
}
