using System.Net;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub.Errors;

/// <summary>What GitHub answered to a failed request, as data.</summary>
public sealed record GitHubErrorInfo
{
    /// <summary>The HTTP status, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    public HttpMethod? Method { get; init; }

    public Uri? RequestUri { get; init; }

    /// <summary>GitHub's <c>message</c> (or our own description when the body had none).</summary>
    public string? Message { get; init; }

    public string? DocumentationUrl { get; init; }

    public IReadOnlyList<GitHubError> Errors { get; init; } = [];

    public GitHubRateLimit? RateLimit { get; init; }

    /// <summary>The <c>retry-after</c> header, when present.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Permissions GitHub says the endpoint needs (<c>x-accepted-github-permissions</c>).</summary>
    public string? AcceptedPermissions { get; init; }
}
