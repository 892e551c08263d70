namespace RunbookRunner.GitHub.Http;

/// <summary>Which GitHub rate limit a response hit.</summary>
public enum GitHubRateLimitKind
{
    /// <summary>The hourly request budget of the token is used up (<c>x-ratelimit-remaining: 0</c>).</summary>
    Primary,

    /// <summary>Too many requests too fast, too much concurrency or too many writes (abuse protection).</summary>
    Secondary,
}
