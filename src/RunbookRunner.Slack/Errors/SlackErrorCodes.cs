namespace RunbookRunner.Slack.Errors;

/// <summary>Slack error codes the client classifies, plus the transport codes it reports itself.</summary>
public static class SlackErrorCodes
{
    public const string RateLimited = "ratelimited";

    // Ours, for failures without a Slack error code.
    public const string Timeout = "timeout";
    public const string NetworkError = "network_error";
    public const string InvalidResponse = "invalid_response";

    public const string NotAuthed = "not_authed";
    public const string InvalidAuth = "invalid_auth";
    public const string TokenRevoked = "token_revoked";
    public const string TokenExpired = "token_expired";
    public const string AccountInactive = "account_inactive";
    public const string MissingScope = "missing_scope";
    public const string NotAllowedTokenType = "not_allowed_token_type";
    public const string NoPermission = "no_permission";

    public const string ChannelNotFound = "channel_not_found";
    public const string NotInChannel = "not_in_channel";
    public const string IsArchived = "is_archived";
    public const string MessageNotFound = "message_not_found";
    public const string CantUpdateMessage = "cant_update_message";
    public const string EditWindowClosed = "edit_window_closed";
    public const string UserNotInChannel = "user_not_in_channel";
    public const string UserNotFound = "user_not_found";
    public const string ExpiredUrl = "expired_url";
    public const string UsedUrl = "used_url";

    public const string NoText = "no_text";
    public const string InvalidBlocks = "invalid_blocks";
    public const string InvalidBlocksFormat = "invalid_blocks_format";
    public const string MsgTooLong = "msg_too_long";
    public const string MsgBlocksTooLong = "msg_blocks_too_long";
    public const string InvalidJson = "invalid_json";
    public const string JsonNotObject = "json_not_object";
    public const string InvalidArguments = "invalid_arguments";
    public const string InvalidFormData = "invalid_form_data";
    public const string InvalidPostType = "invalid_post_type";
    public const string InvalidName = "invalid_name";
    public const string ExpiredTriggerId = "expired_trigger_id";
    public const string InvalidTriggerId = "invalid_trigger_id";
    public const string ExchangedTriggerId = "exchanged_trigger_id";
    public const string AlreadyReacted = "already_reacted";

    public const string InternalError = "internal_error";
    public const string FatalError = "fatal_error";
    public const string ServiceUnavailable = "service_unavailable";
    public const string RequestTimeout = "request_timeout";
}
