namespace RunbookRunner.GitHub.Errors;

/// <summary>404: the resource does not exist, or the token cannot see it (GitHub hides private resources as 404).</summary>
public sealed class GitHubNotFoundException(GitHubErrorInfo info)
    : GitHubApiException(info, "Check the repository, ref or id; GitHub also answers 404 when the token cannot see a private repository.", null);
