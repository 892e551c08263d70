namespace RunbookRunner.Slack.Errors;

/// <summary>
/// The token is missing, wrong, revoked or lacks a scope. Permanent: fix the app's configuration
/// (<c>Slack:BotToken</c>, the app's OAuth scopes) and reinstall if needed.
/// </summary>
public sealed class SlackAuthException : SlackApiException
{
    public SlackAuthException(string method, string error, string? detail = null, int? httpStatusCode = null)
        : base(method, error, isRetryable: false, detail, httpStatusCode)
    {
    }
}
