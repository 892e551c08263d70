namespace RunbookRunner.GitHub.Errors;

/// <summary>422 with <c>already_exists</c>: the resource is already there (e.g. a release for the tag).</summary>
public sealed class GitHubAlreadyExistsException(GitHubErrorInfo info) : GitHubValidationException(info);
