namespace RunbookRunner.GitHub.Errors;

/// <summary>5xx: GitHub failed; trying again later may succeed.</summary>
public sealed class GitHubServerErrorException(GitHubErrorInfo info)
    : GitHubApiException(info, "GitHub had a server error; the request may succeed if retried later.", null)
{
    public override bool IsRetryable => true;
}
