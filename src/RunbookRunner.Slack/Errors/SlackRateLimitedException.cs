namespace RunbookRunner.Slack.Errors;

/// <summary>Slack rate-limited the call (HTTP 429 or <c>ratelimited</c>); retry after <see cref="SlackApiException.RetryAfter"/>.</summary>
public sealed class SlackRateLimitedException : SlackApiException
{
    public SlackRateLimitedException(string method, TimeSpan retryAfter, int? httpStatusCode = 429)
        : base(method, SlackErrorCodes.RateLimited, isRetryable: true, $"retry after {retryAfter.TotalSeconds:0.###} s", httpStatusCode, retryAfter)
    {
    }
}
