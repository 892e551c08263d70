namespace RunbookRunner.GitHub.Errors;

/// <summary>403 (not a rate limit): the token lacks a permission or scope, or the resource refuses the action.</summary>
public sealed class GitHubForbiddenException(GitHubErrorInfo info)
    : GitHubApiException(info, Hint(info), null)
{
    private static string Hint(GitHubErrorInfo info) => info.AcceptedPermissions is { Length: > 0 } permissions
        ? $"Grant the token the permissions GitHub lists for this endpoint: {permissions}."
        : "Check the token's permissions (scopes, or fine-grained repository permissions) for this repository.";
}
