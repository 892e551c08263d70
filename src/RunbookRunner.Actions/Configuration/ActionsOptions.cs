namespace RunbookRunner.Actions.Configuration;

/// <summary>
/// Settings of the built-in actions. Bound from the <c>Actions</c> section, plus the shared
/// <c>Cloudflare:*</c> and <c>Slack:*</c> keys (<c>Cloudflare__ApiBaseUrl</c>, <c>Slack__BotToken</c>...).
/// </summary>
public sealed class ActionsOptions
{
    public const string SectionName = "Actions";

    /// <summary>Directory holding <c>pg_dump</c>/<c>pg_restore</c>; null looks in /usr/lib/postgresql/N/bin, then PATH.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>How much of a process's stdout/stderr (the tail, in characters) is kept in outputs.</summary>
    public int MaxCapturedOutputChars { get; set; } = 64 * 1024;

    /// <summary>How much of an HTTP response body (in characters) is kept in outputs.</summary>
    public int MaxCapturedBodyChars { get; set; } = 64 * 1024;

    /// <summary>Longest single log line; longer lines are split.</summary>
    public int MaxLogLineChars { get; set; } = 4 * 1024;

    /// <summary>The shell for <c>shell</c> steps with <c>run</c>.</summary>
    public string ShellPath { get; set; } = "/bin/sh";

    /// <summary>Ceiling of one request inside polling actions (<c>http.wait</c>), so one hung request does not eat the step.</summary>
    public TimeSpan PollRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A DNS-over-HTTPS JSON endpoint for <c>dns.check</c> (<c>https://cloudflare-dns.com/dns-query</c>,
    /// <c>https://dns.google/resolve</c>): answers as the public sees them, not from the runner's cache, and
    /// CNAME and TXT records too. Null uses the system resolver (A and AAAA only).
    /// </summary>
    public Uri? DnsOverHttpsUrl { get; set; }

    /// <summary>
    /// SHA-256 thumbprints (hex; <c>:</c> separators allowed) of server certificates that <c>http</c>, <c>http.check</c>
    /// and <c>http.wait</c> accept although no trusted authority issued them, such as a staging endpoint's self-signed
    /// certificate. The host name must still match, and <c>http.check</c>'s <c>tls</c> assertions still apply.
    /// </summary>
    public IReadOnlyList<string> TrustedCertificates { get; set; } = [];

    /// <summary>Interval between resolutions in <c>dns.check</c>.</summary>
    public TimeSpan DnsPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval between polls of a GitHub deployment or workflow run that a step waits for.</summary>
    public TimeSpan GitHubPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public Uri CloudflareApiBaseUrl { get; set; } = new("https://api.cloudflare.com/client/v4/");

    /// <summary>Default Cloudflare API token when a step gives no <c>token</c>.</summary>
    public string? CloudflareApiToken { get; set; }

    public Uri SlackApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public string? SlackBotToken { get; set; }
}
