namespace RunbookRunner.GitHub.Errors;

/// <summary>409: the request conflicts with the repository's state (e.g. a deployment whose required status checks failed).</summary>
public sealed class GitHubConflictException(GitHubErrorInfo info)
    : GitHubApiException(info, hint: null, null);
