namespace RunbookRunner.Actions.Dns;

/// <summary>The Cloudflare API refused a call; <see cref="Retryable"/> is true for rate limits and server errors.</summary>
public sealed class CloudflareApiException : Exception
{
    public CloudflareApiException(string message, int status, bool retryable)
        : base(message)
    {
        Status = status;
        Retryable = retryable;
    }

    public int Status { get; }

    public bool Retryable { get; }
}
