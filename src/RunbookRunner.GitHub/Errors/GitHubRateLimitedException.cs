using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub.Errors;

/// <summary>A GitHub rate limit was hit and waiting it out would exceed the client's limits.</summary>
public sealed class GitHubRateLimitedException(GitHubErrorInfo info, GitHubRateLimitKind kind, TimeSpan? nextDelay, string reason)
    : GitHubApiException(info, reason, null)
{
    public GitHubRateLimitKind Kind { get; } = kind;

    /// <summary>When the primary limit resets, if GitHub said.</summary>
    public DateTimeOffset? ResetsAt => Info.RateLimit?.ResetsAt;

    /// <summary>The wait GitHub asked for (or the client computed) before the next try.</summary>
    public override TimeSpan? RetryAfter => nextDelay ?? Info.RetryAfter;

    public override bool IsRetryable => true;
}
