using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RunbookRunner.Slack.Security;

/// <summary>
/// Verifies that a request to our Slack endpoints came from Slack: the <c>v0</c> signature over the raw
/// body must match (compared in constant time) and the timestamp must be within five minutes of now.
/// </summary>
/// <remarks>Pass the body bytes exactly as received, before any form or JSON parsing.</remarks>
public sealed class SlackRequestVerifier
{
    /// <summary>How far the request timestamp may be from our clock, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Prefix = SlackSignature.Version + "=";

    private readonly string _signingSecret;
    private readonly TimeProvider _timeProvider;

    public SlackRequestVerifier(string signingSecret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _signingSecret = signingSecret;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates a verifier using <see cref="SlackOptions.SigningSecret"/>.</summary>
    public SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider timeProvider)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.SigningSecret, timeProvider)
    {
    }

    /// <summary>Checks the two headers against the raw body.</summary>
    /// <param name="timestampHeader">Value of <c>X-Slack-Request-Timestamp</c>, or null when absent.</param>
    /// <param name="signatureHeader">Value of <c>X-Slack-Signature</c>, or null when absent.</param>
    /// <param name="body">The raw request body.</param>
    public SlackVerificationResult Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return Fail(SlackVerificationFailure.MissingTimestamp, $"the {SlackSignature.TimestampHeader} header is missing");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return Fail(SlackVerificationFailure.MissingSignature, $"the {SlackSignature.SignatureHeader} header is missing");
        }

        var timestampText = timestampHeader.Trim();
        if (timestampText.Length > 15 || !long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Fail(SlackVerificationFailure.MalformedTimestamp, $"the {SlackSignature.TimestampHeader} header is not a Unix time in seconds");
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var skew = Math.Abs(now - timestamp);
        if (skew > (long)MaxClockSkew.TotalSeconds)
        {
            return Fail(SlackVerificationFailure.Stale, $"the request timestamp is {skew} s from now (at most {(long)MaxClockSkew.TotalSeconds} s allowed)");
        }

        Span<byte> provided = stackalloc byte[SlackSignature.HashLength];
        if (!TryParseSignature(signatureHeader.Trim(), provided))
        {
            return Fail(SlackVerificationFailure.MalformedSignature, $"the {SlackSignature.SignatureHeader} header is not '{Prefix}' followed by 64 hex digits");
        }

        Span<byte> expected = stackalloc byte[SlackSignature.HashLength];
        SlackSignature.ComputeHash(_signingSecret, timestampText, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided)
            ? SlackVerificationResult.Valid
            : Fail(SlackVerificationFailure.BadSignature, "the signature does not match the request body");
    }

    /// <summary>Checks the headers against a UTF-8 text body.</summary>
    public SlackVerificationResult Verify(string? timestampHeader, string? signatureHeader, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(timestampHeader, signatureHeader, Encoding.UTF8.GetBytes(body));
    }

    private static bool TryParseSignature(string header, Span<byte> destination)
    {
        if (!header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + (2 * SlackSignature.HashLength))
        {
            return false;
        }

        var status = Convert.FromHexString(header.AsSpan(Prefix.Length), destination, out _, out var written);
        return status == System.Buffers.OperationStatus.Done && written == SlackSignature.HashLength;
    }

    private static SlackVerificationResult Fail(SlackVerificationFailure failure, string reason) => new(failure, reason);
}
