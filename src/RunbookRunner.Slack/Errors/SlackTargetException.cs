namespace RunbookRunner.Slack.Errors;

/// <summary>
/// The channel, user, message or response URL named by the call cannot be used (not found, archived,
/// bot not a member, message no longer editable, response URL expired). Permanent for that target.
/// </summary>
public sealed class SlackTargetException : SlackApiException
{
    public SlackTargetException(string method, string error, string? detail = null, int? httpStatusCode = null)
        : base(method, error, isRetryable: false, detail, httpStatusCode)
    {
    }
}
