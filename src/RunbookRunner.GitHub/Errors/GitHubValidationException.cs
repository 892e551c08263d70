namespace RunbookRunner.GitHub.Errors;

/// <summary>422: GitHub refused the request's content; <see cref="GitHubApiException.Errors"/> names the fields.</summary>
public class GitHubValidationException : GitHubApiException
{
    public GitHubValidationException(GitHubErrorInfo info)
        : base(info, hint: null, null)
    {
    }

    /// <summary>Whether any entry of <c>errors</c> has the given code (e.g. <c>already_exists</c>).</summary>
    public bool HasErrorCode(string code) =>
        Errors.Any(error => string.Equals(error.Code, code, StringComparison.OrdinalIgnoreCase));
}
