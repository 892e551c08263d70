using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RunbookRunner.GitHub.Errors;

namespace RunbookRunner.GitHub.Http;

/// <summary>
/// Sends one logical GitHub request: standard headers, write serialisation, redirects, rate-limit waits,
/// bounded retries of reads, and mapping of failures to <see cref="GitHubApiException"/>.
/// </summary>
internal sealed class GitHubHttpPipeline
{
    public const string MediaType = "application/vnd.github+json";
    public const string ApiVersion = "2022-11-28";

    private const int MaxRedirects = 5;
    private static readonly TimeSpan SecondaryMinimumWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxTransientDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient httpClient;
    private readonly GitHubOptions options;
    private readonly GitHubRequestThrottle throttle;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly string userAgent;

    public GitHubHttpPipeline(HttpClient httpClient, GitHubOptions options, GitHubRequestThrottle throttle, TimeProvider timeProvider, ILogger logger)
    {
        this.httpClient = httpClient;
        this.options = options;
        this.throttle = throttle;
        this.timeProvider = timeProvider;
        this.logger = logger;
        BaseUri = GitHubOptions.NormalizeBaseUrl(options.ApiBaseUrl);
        userAgent = options.EffectiveUserAgent;
    }

    public Uri BaseUri { get; }

    public int MaxRetries => options.MaxRetries;

    public ILogger Logger => logger;

    /// <summary>Sends the request and returns a 2xx response (or 404 when allowed); throws otherwise.</summary>
    /// <remarks><c>pathOrUrl</c> is relative to the API base URL (no leading slash) or absolute (paging links).</remarks>
    public async Task<GitHubResponse> SendAsync(
        HttpMethod method,
        string pathOrUrl,
        object? body,
        string? token,
        bool allowNotFound = false,
        CancellationToken cancellationToken = default)
    {
        var uri = new Uri(BaseUri, pathOrUrl);
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), GitHubJson.Options);
        var isWrite = method != HttpMethod.Get && method != HttpMethod.Head;
        if (!isWrite)
        {
            return await SendWithRetriesAsync(method, uri, json, token, isWrite, allowNotFound, cancellationToken).ConfigureAwait(false);
        }

        await throttle.EnterWriteAsync(options.MinWriteInterval, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendWithRetriesAsync(method, uri, json, token, isWrite, allowNotFound, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            throttle.ExitWrite();
        }
    }

    private async Task<GitHubResponse> SendWithRetriesAsync(
        HttpMethod method,
        Uri uri,
        string? json,
        string? token,
        bool isWrite,
        bool allowNotFound,
        CancellationToken cancellationToken)
    {
        var rateLimitWaited = TimeSpan.Zero;
        var rateLimitHits = 0;
        var transientFailures = 0;
        while (true)
        {
            GitHubResponse response;
            try
            {
                response = await SendFollowingRedirectsAsync(method, uri, json, token, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                var info = new GitHubErrorInfo { Method = method, RequestUri = uri, Message = ex.Message };
                // A write may have reached GitHub before the connection broke; repeating it could act twice.
                if (isWrite || transientFailures >= options.MaxRetries)
                {
                    throw new GitHubTransportException(info, ex);
                }

                transientFailures++;
                var delay = Backoff(transientFailures);
                logger.LogWarning(ex, "GitHub {Method} {Path} failed without a response; retry {Attempt} of {MaxRetries} in {Delay}", method, uri.AbsolutePath, transientFailures, options.MaxRetries, delay);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (IsSuccess(response.StatusCode) || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
            {
                return response;
            }

            var error = GitHubErrorFactory.ReadInfo(response);
            if (ClassifyRateLimit(response, error.Message) is { } kind)
            {
                rateLimitHits++;
                var delay = RateLimitDelay(kind, response, rateLimitHits);
                if (rateLimitHits > options.MaxRateLimitRetries)
                {
                    throw new GitHubRateLimitedException(error, kind, delay,
                        $"Gave up after {options.MaxRateLimitRetries} rate-limited retries (GitHub:MaxRateLimitRetries); slow down or spread the calls over more time.");
                }

                if (rateLimitWaited + delay > options.MaxRateLimitWait)
                {
                    throw new GitHubRateLimitedException(error, kind, delay,
                        $"The {kind.ToString().ToLowerInvariant()} rate limit asks for a wait of {delay}, which would exceed GitHub:MaxRateLimitWait ({options.MaxRateLimitWait}, {rateLimitWaited} already waited); raise it or retry later.");
                }

                logger.LogWarning("GitHub {Kind} rate limit on {Method} {Path}; waiting {Delay} before retry {Attempt}", kind, method, uri.AbsolutePath, delay, rateLimitHits);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                rateLimitWaited += delay;
                continue;
            }

            if (response.StatusCode >= HttpStatusCode.InternalServerError && !isWrite && transientFailures < options.MaxRetries)
            {
                transientFailures++;
                var delay = Min(response.RetryAfter ?? Backoff(transientFailures), MaxTransientDelay);
                logger.LogWarning("GitHub {Method} {Path} answered {Status}; retry {Attempt} of {MaxRetries} in {Delay}", method, uri.AbsolutePath, (int)response.StatusCode, transientFailures, options.MaxRetries, delay);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw GitHubErrorFactory.Create(error);
        }
    }

    private async Task<GitHubResponse> SendFollowingRedirectsAsync(HttpMethod method, Uri uri, string? json, string? token, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = CreateRequest(method, uri, json, token);
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            // GitHub asks clients to repeat the same request at the new location (renamed repositories answer 301/307).
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects)
                {
                    throw new GitHubApiException(new GitHubErrorInfo
                    {
                        StatusCode = response.StatusCode,
                        Method = method,
                        RequestUri = uri,
                        Message = $"stopped after {MaxRedirects} redirects (last to {location})",
                    });
                }

                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("GitHub {Method} {Path} redirected ({Status}) to {Location}", method, uri.AbsolutePath, (int)response.StatusCode, location);
                }

                uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("GitHub {Method} {Path} answered {Status}", method, uri.AbsolutePath, (int)response.StatusCode);
            }

            return new GitHubResponse
            {
                StatusCode = response.StatusCode,
                Method = method,
                RequestUri = uri,
                Body = body,
                NextPageUrl = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Find(links, "next") : null,
                RateLimit = GitHubRateLimit.FromHeaders(response.Headers),
                RetryAfter = ReadRetryAfter(response.Headers.RetryAfter),
                AcceptedPermissions = response.Headers.TryGetValues("x-accepted-github-permissions", out var permissions)
                    ? string.Join(", ", permissions)
                    : null,
            };
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, string? json, string? token)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        request.Headers.UserAgent.ParseAdd(userAgent);
        // Never hand the token to another host a link or redirect points at.
        if (!string.IsNullOrEmpty(token) && IsSameOrigin(uri, BaseUri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Primary: 403/429 with nothing remaining. Secondary: GitHub says so, or 429 / retry-after without an exhausted budget.</summary>
    internal static GitHubRateLimitKind? ClassifyRateLimit(GitHubResponse response, string? message)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (message is not null
            && (message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
                || message.Contains("abuse detection", StringComparison.OrdinalIgnoreCase)))
        {
            return GitHubRateLimitKind.Secondary;
        }

        if (response.RateLimit?.Remaining == 0)
        {
            return GitHubRateLimitKind.Primary;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || response.RetryAfter is not null)
        {
            return GitHubRateLimitKind.Secondary;
        }

        return null;
    }

    private TimeSpan RateLimitDelay(GitHubRateLimitKind kind, GitHubResponse response, int hits)
    {
        if (kind == GitHubRateLimitKind.Secondary && response.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        if (response.RateLimit is { Remaining: 0, ResetsAt: { } resetsAt })
        {
            var untilReset = resetsAt - timeProvider.GetUtcNow();
            return (untilReset > TimeSpan.Zero ? untilReset : TimeSpan.Zero) + ResetMargin;
        }

        // GitHub: wait at least a minute, then back off exponentially.
        return SecondaryMinimumWait * Math.Pow(2, hits - 1);
    }

    private TimeSpan Backoff(int attempt) => Min(options.RetryBaseDelay * Math.Pow(2, attempt - 1), MaxTransientDelay);

    private TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
