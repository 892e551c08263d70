namespace RunbookRunner.Slack.Errors;

/// <summary>
/// A Slack Web API call failed. <see cref="Error"/> is Slack's error code (<c>channel_not_found</c>)
/// or one of ours for transport failures (<c>timeout</c>, <c>network_error</c>, <c>http_503</c>);
/// <see cref="IsRetryable"/> tells the caller whether trying again later can help.
/// </summary>
/// <remarks>Unknown Slack error codes surface as this base type and are treated as permanent.</remarks>
public class SlackApiException : Exception
{
    public SlackApiException(
        string method,
        string error,
        bool isRetryable,
        string? detail = null,
        int? httpStatusCode = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(BuildMessage(method, error, detail), innerException)
    {
        Method = method;
        Error = error;
        IsRetryable = isRetryable;
        Detail = detail;
        HttpStatusCode = httpStatusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The Web API method called (<c>chat.postMessage</c>), or <c>response_url</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, or a transport error code of ours.</summary>
    public string Error { get; }

    /// <summary>Whether the same call may succeed if tried again later.</summary>
    public bool IsRetryable { get; }

    /// <summary>Extra explanation from Slack (<c>response_metadata.messages</c>, needed scope) or the transport.</summary>
    public string? Detail { get; }

    /// <summary>HTTP status of the failed response, when there was one.</summary>
    public int? HttpStatusCode { get; }

    /// <summary>How long Slack asked us to wait before calling this method again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string BuildMessage(string method, string error, string? detail) =>
        detail is null ? $"Slack {method} failed: {error}." : $"Slack {method} failed: {error} ({detail}).";
}
