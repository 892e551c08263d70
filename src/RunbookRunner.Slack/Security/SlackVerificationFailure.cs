namespace RunbookRunner.Slack.Security;

/// <summary>Why a request failed signature verification.</summary>
public enum SlackVerificationFailure
{
    /// <summary>Verified.</summary>
    None,

    /// <summary><c>X-Slack-Request-Timestamp</c> is absent or empty.</summary>
    MissingTimestamp,

    /// <summary><c>X-Slack-Signature</c> is absent or empty.</summary>
    MissingSignature,

    /// <summary>The timestamp is not a Unix time in whole seconds.</summary>
    MalformedTimestamp,

    /// <summary>The signature is not <c>v0=</c> followed by 64 hex digits.</summary>
    MalformedSignature,

    /// <summary>The timestamp is more than five minutes from now (a replay, or a badly wrong clock).</summary>
    Stale,

    /// <summary>The signature does not match the body: wrong secret or tampered request.</summary>
    BadSignature,
}
