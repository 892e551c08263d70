namespace RunbookRunner.Slack.Errors;

/// <summary>A failure that is expected to pass: a timeout, a network error, a 5xx, or a Slack-side internal error.</summary>
public sealed class SlackTransientException : SlackApiException
{
    public SlackTransientException(string method, string error, string? detail = null, int? httpStatusCode = null, Exception? innerException = null)
        : base(method, error, isRetryable: true, detail, httpStatusCode, retryAfter: null, innerException)
    {
    }
}
