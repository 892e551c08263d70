using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub;

/// <summary><see cref="IGitHubClient"/> over a typed <see cref="HttpClient"/>; register with <c>AddRunbookGitHub</c>.</summary>
public sealed partial class GitHubRestClient : IGitHubClient
{
    private const int PerPage = 100;
    private const int MaxPages = 500;

    private readonly GitHubHttpPipeline pipeline;
    private readonly string? token;

    public GitHubRestClient(
        HttpClient httpClient,
        IOptions<GitHubOptions> options,
        GitHubRequestThrottle throttle,
        TimeProvider timeProvider,
        ILogger<GitHubRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        pipeline = new GitHubHttpPipeline(httpClient, settings, throttle, timeProvider, logger);
        token = string.IsNullOrEmpty(settings.Token) ? null : settings.Token;
    }

    private GitHubRestClient(GitHubHttpPipeline pipeline, string token)
    {
        this.pipeline = pipeline;
        this.token = token;
    }

    /// <summary>The API root requests are sent to (always ending with a slash).</summary>
    public Uri BaseUri => pipeline.BaseUri;

    public IGitHubClient WithToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new GitHubRestClient(pipeline, token.Trim());
    }

    private Task<GitHubResponse> GetAsync(string pathOrUrl, CancellationToken cancellationToken, bool allowNotFound = false) =>
        pipeline.SendAsync(HttpMethod.Get, pathOrUrl, body: null, token, allowNotFound, cancellationToken);

    private Task<GitHubResponse> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        pipeline.SendAsync(HttpMethod.Post, path, body, token, allowNotFound: false, cancellationToken);

    private async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken) =>
        GitHubJson.Deserialize<T>(await GetAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads every page by following <c>Link: rel="next"</c>.</summary>
    private async Task<List<TItem>> GetAllPagesAsync<TPage, TItem>(
        string firstPath,
        Func<TPage, IEnumerable<TItem>> items,
        CancellationToken cancellationToken)
    {
        var all = new List<TItem>();
        string? next = firstPath;
        for (var page = 1; next is not null; page++)
        {
            if (page > MaxPages)
            {
                throw new InvalidOperationException($"GitHub paging of {firstPath} did not end after {MaxPages} pages.");
            }

            var response = await GetAsync(next, cancellationToken).ConfigureAwait(false);
            all.AddRange(items(GitHubJson.Deserialize<TPage>(response)));
            next = response.NextPageUrl;
        }

        return all;
    }

    /// <summary>Escapes a ref or name as one path segment (a branch like <c>release/1.0</c> becomes <c>release%2F1.0</c>).</summary>
    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string WithPaging(string path) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "per_page=" + Number(PerPage);
}
