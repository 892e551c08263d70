namespace RunbookRunner.Slack.Security;

/// <summary>Outcome of <see cref="SlackRequestVerifier.Verify(string?, string?, ReadOnlySpan{byte})"/>; <see cref="Reason"/> is safe to log (it never contains the body or secret).</summary>
public sealed record SlackVerificationResult(SlackVerificationFailure Failure, string Reason)
{
    /// <summary>The shared success result.</summary>
    public static SlackVerificationResult Valid { get; } = new(SlackVerificationFailure.None, "verified");

    public bool IsValid => Failure == SlackVerificationFailure.None;
}
