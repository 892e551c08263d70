namespace RunbookRunner.Slack.Errors;

/// <summary>Maps a Slack error code to the exception type that says what the caller can do about it.</summary>
public static class SlackErrorClassifier
{
    private static readonly HashSet<string> AuthErrors = new(StringComparer.Ordinal)
    {
        SlackErrorCodes.NotAuthed, SlackErrorCodes.InvalidAuth, SlackErrorCodes.TokenRevoked, SlackErrorCodes.TokenExpired,
        SlackErrorCodes.AccountInactive, SlackErrorCodes.MissingScope, SlackErrorCodes.NotAllowedTokenType, SlackErrorCodes.NoPermission,
    };

    private static readonly HashSet<string> TargetErrors = new(StringComparer.Ordinal)
    {
        SlackErrorCodes.ChannelNotFound, SlackErrorCodes.NotInChannel, SlackErrorCodes.IsArchived, SlackErrorCodes.MessageNotFound,
        SlackErrorCodes.CantUpdateMessage, SlackErrorCodes.EditWindowClosed, SlackErrorCodes.UserNotInChannel,
        SlackErrorCodes.UserNotFound, SlackErrorCodes.ExpiredUrl, SlackErrorCodes.UsedUrl,
    };

    private static readonly HashSet<string> InvalidRequestErrors = new(StringComparer.Ordinal)
    {
        SlackErrorCodes.NoText, SlackErrorCodes.InvalidBlocks, SlackErrorCodes.InvalidBlocksFormat, SlackErrorCodes.MsgTooLong,
        SlackErrorCodes.MsgBlocksTooLong, SlackErrorCodes.InvalidJson, SlackErrorCodes.JsonNotObject, SlackErrorCodes.InvalidArguments,
        SlackErrorCodes.InvalidFormData, SlackErrorCodes.InvalidPostType, SlackErrorCodes.InvalidName, SlackErrorCodes.ExpiredTriggerId,
        SlackErrorCodes.InvalidTriggerId, SlackErrorCodes.ExchangedTriggerId, SlackErrorCodes.AlreadyReacted,
    };

    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        SlackErrorCodes.InternalError, SlackErrorCodes.FatalError, SlackErrorCodes.ServiceUnavailable, SlackErrorCodes.RequestTimeout,
    };

    /// <summary>
    /// Builds the exception for an <c>ok:false</c> answer (or a response URL's error body);
    /// <paramref name="retryAfter"/> is used when the error is <c>ratelimited</c>.
    /// </summary>
    public static SlackApiException FromError(string method, string error, string? detail = null, int? httpStatusCode = null, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(error);

        if (error == SlackErrorCodes.RateLimited)
        {
            return new SlackRateLimitedException(method, retryAfter ?? TimeSpan.FromSeconds(1), httpStatusCode);
        }

        if (AuthErrors.Contains(error))
        {
            return new SlackAuthException(method, error, detail, httpStatusCode);
        }

        if (TargetErrors.Contains(error))
        {
            return new SlackTargetException(method, error, detail, httpStatusCode);
        }

        if (InvalidRequestErrors.Contains(error))
        {
            return new SlackInvalidRequestException(method, error, detail, httpStatusCode);
        }

        if (TransientErrors.Contains(error))
        {
            return new SlackTransientException(method, error, detail, httpStatusCode);
        }

        return new SlackApiException(method, error, isRetryable: false, detail, httpStatusCode);
    }
}
