using System.Reflection;

namespace RunbookRunner.GitHub;

/// <summary>Settings of the GitHub REST client (configuration section <c>GitHub</c>).</summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";
    public const string DefaultApiBaseUrl = "https://api.github.com/";

    /// <summary>Token sent as <c>Authorization: Bearer</c>; a step may override it. Without one, requests are anonymous.</summary>
    public string? Token { get; set; }

    /// <summary>REST API root: <c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c> for GitHub Enterprise Server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>User-Agent header; defaults to <c>RunbookRunner/&lt;version&gt;</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Minimum time between two writes (POST/PATCH/PUT/DELETE), which are also sent one at a time.</summary>
    public TimeSpan MinWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most total time one request may spend waiting out rate limits before it fails.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most rate-limited retries of one request.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>Retries of reads after 5xx or network failures, and of deployment creation answered 202.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay of those retries; it doubles each time (at most 30 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one HTTP exchange.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    internal string EffectiveUserAgent => string.IsNullOrWhiteSpace(UserAgent) ? DefaultUserAgent : UserAgent;

    /// <summary><c>RunbookRunner/&lt;version&gt;</c> from this assembly's informational version.</summary>
    public static string DefaultUserAgent { get; } = "RunbookRunner/" + ProductVersion();

    /// <summary>Adds the trailing slash relative API paths need (<c>https://host/api/v3</c> → <c>https://host/api/v3/</c>).</summary>
    internal static Uri NormalizeBaseUrl(string value)
    {
        var text = value.EndsWith('/') ? value : value + "/";
        return new Uri(text, UriKind.Absolute);
    }

    private static string ProductVersion()
    {
        var version = typeof(GitHubOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(GitHubOptions).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
