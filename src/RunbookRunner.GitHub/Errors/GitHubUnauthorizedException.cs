namespace RunbookRunner.GitHub.Errors;

/// <summary>401: the token is missing, wrong, expired or revoked.</summary>
public sealed class GitHubUnauthorizedException(GitHubErrorInfo info)
    : GitHubApiException(info, "Check the GitHub token (GitHub:Token, or the step's token): it is missing, mistyped, expired or revoked.", null);
