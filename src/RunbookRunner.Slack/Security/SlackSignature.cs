using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RunbookRunner.Slack.Security;

/// <summary>
/// Slack's request signature, version <c>v0</c>: HMAC-SHA256 keyed with the signing secret (its UTF-8
/// text, not hex-decoded) over <c>v0:{timestamp}:{raw body}</c>, written as <c>v0=</c> + lowercase hex.
/// </summary>
public static class SlackSignature
{
    /// <summary>The only signature version Slack uses.</summary>
    public const string Version = "v0";

    /// <summary>Header carrying the signature.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>Header carrying the Unix time in seconds the request was signed at.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Length in bytes of an HMAC-SHA256.</summary>
    internal const int HashLength = 32;

    /// <summary>Computes <c>v0=&lt;hex&gt;</c> for a request; tests and fakes use it to sign requests.</summary>
    public static string Compute(string signingSecret, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        ComputeHash(signingSecret, timestamp.ToString(CultureInfo.InvariantCulture), body, hash);
        return Version + "=" + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>Computes <c>v0=&lt;hex&gt;</c> for a UTF-8 text body.</summary>
    public static string Compute(string signingSecret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Compute(signingSecret, timestamp, Encoding.UTF8.GetBytes(body));
    }

    internal static void ComputeHash(string signingSecret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
