namespace RunbookRunner.Slack.Errors;

/// <summary>
/// Slack refused the request's content (bad blocks, no text, message too long, malformed JSON,
/// expired trigger). Permanent: sending the same request again fails the same way.
/// </summary>
public sealed class SlackInvalidRequestException : SlackApiException
{
    public SlackInvalidRequestException(string method, string error, string? detail = null, int? httpStatusCode = null)
        : base(method, error, isRetryable: false, detail, httpStatusCode)
    {
    }
}
