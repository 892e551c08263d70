using System.Net;

namespace RunbookRunner.GitHub.Http;

/// <summary>A fully read GitHub response: small JSON bodies, so the body is buffered as text.</summary>
internal sealed record GitHubResponse
{
    public required HttpStatusCode StatusCode { get; init; }

    public required HttpMethod Method { get; init; }

    public required Uri RequestUri { get; init; }

    public required string Body { get; init; }

    public string? NextPageUrl { get; init; }

    public GitHubRateLimit? RateLimit { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Permissions GitHub says the endpoint needs (<c>x-accepted-github-permissions</c>).</summary>
    public string? AcceptedPermissions { get; init; }
}
