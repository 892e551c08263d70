using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>
/// A GitHub REST API on 127.0.0.1 (random port) with in-memory state, for tests of the GitHub client, the github.*
/// actions and integration runs. It implements the documented endpoints RunbookRunner uses, checks headers and tokens,
/// pages with <c>Link</c>, keeps per-token primary rate limits, injects faults, and records every request.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    public const string ApiVersion = "2022-11-28";
    public const string MediaType = "application/vnd.github+json";

    private readonly WebApplication app;
    private readonly List<FakeRecordedRequest> requests = [];
    private readonly List<FakeFault> faults = [];
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private int writesInFlight;
    private int maxConcurrentWrites;

    private FakeGitHubServer(WebApplication app, FakeGitHubServerOptions options)
    {
        this.app = app;
        Options = options;
        State = new FakeGitHubState(options.TimeProvider, options.Token);
    }

    public FakeGitHubServerOptions Options { get; }

    public FakeGitHubState State { get; }

    /// <summary>The accepted token.</summary>
    public string Token => Options.Token;

    /// <summary>API root, ending with a slash, including the path prefix (what a client's base URL should be).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Root of the fake "web" URLs (<c>html_url</c>).</summary>
    public Uri HtmlBaseUri { get; private set; } = null!;

    public IReadOnlyList<FakeRecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Most writes (non-GET requests) the server saw at the same time.</summary>
    public int MaxConcurrentWrites => Volatile.Read(ref maxConcurrentWrites);

    public static async Task<FakeGitHubServer> StartAsync(FakeGitHubServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeGitHubServerOptions();
        var prefix = options.PathPrefix.TrimEnd('/');
        if (prefix.Length > 0 && !prefix.StartsWith('/'))
        {
            throw new ArgumentException("PathPrefix must start with '/'.", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGitHubServer(app, options);
        app.Use(server.HandleAsync);
        FakeGitHubEndpoints.Map(app.MapGroup(prefix), server);
        app.MapFallback(() => FakeGitHubJson.Error(404, "Not Found", "https://docs.github.com/rest"));
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First());
        server.HtmlBaseUri = new Uri(address, "/");
        server.BaseUri = new Uri(address, prefix + "/");
        return server;
    }

    /// <summary>Adds a fault; faults are tried in the order added.</summary>
    public void AddFault(FakeFault fault)
    {
        lock (faults)
        {
            faults.Add(fault);
        }
    }

    public void ClearRequests()
    {
        lock (requests)
        {
            requests.Clear();
        }
    }

    /// <summary>The API URL of a path such as <c>repos/acme/platform</c>.</summary>
    public string ApiUrl(string path) => new Uri(BaseUri, path).ToString();

    public string HtmlUrl(string path) => new Uri(HtmlBaseUri, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private string RelativePath(PathString path)
    {
        var prefix = Options.PathPrefix.TrimEnd('/');
        var value = path.Value ?? "";
        return prefix.Length > 0 && value.StartsWith(prefix + "/", StringComparison.Ordinal) ? value[prefix.Length..] : value;
    }

    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        request.Body.Position = 0;
        var recorded = new FakeRecordedRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? "",
            RelativePath = RelativePath(request.Path),
            Query = request.QueryString.Value ?? "",
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ReceivedAt = Stopwatch.GetElapsedTime(startedAt),
        };
        lock (requests)
        {
            requests.Add(recorded);
        }

        var isWrite = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (isWrite)
        {
            var now = Interlocked.Increment(ref writesInFlight);
            InterlockedMax(ref maxConcurrentWrites, now);
        }

        try
        {
            await AnswerAsync(context, next, recorded);
        }
        finally
        {
            if (isWrite)
            {
                Interlocked.Decrement(ref writesInFlight);
            }

            recorded.StatusCode = context.Response.StatusCode;
            recorded.CompletedAt = Stopwatch.GetElapsedTime(startedAt);
        }
    }

    private async Task AnswerAsync(HttpContext context, RequestDelegate next, FakeRecordedRequest recorded)
    {
        var headerProblem = CheckHeaders(context.Request);
        if (headerProblem is not null)
        {
            await headerProblem.ExecuteAsync(context);
            return;
        }

        var token = ReadToken(context.Request);
        if (token is null || !State.IsValidToken(token))
        {
            var message = token is null ? "Requires authentication" : "Bad credentials";
            await FakeGitHubJson.Error(401, message, "https://docs.github.com/rest").ExecuteAsync(context);
            return;
        }

        var allowed = State.TryConsume(token, out var window);
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = window.Used.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = window.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = "core";
        if (!allowed)
        {
            await FakeGitHubJson.Error(
                Options.PrimaryRateLimitStatus,
                "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:FAKE.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api").ExecuteAsync(context);
            return;
        }

        FakeFault? fault;
        lock (faults)
        {
            fault = faults.FirstOrDefault(f => f.TryTake(recorded.Method, recorded.RelativePath));
        }

        if (fault is not null)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, context.RequestAborted);
            }

            if (!fault.PassThrough)
            {
                foreach (var (name, value) in fault.Headers)
                {
                    headers[name] = value;
                }

                await Results.Json(fault.Body ?? new JsonObject(), statusCode: fault.StatusCode).ExecuteAsync(context);
                return;
            }
        }

        if (RedirectForRename(context.Request, recorded.RelativePath) is { } redirect)
        {
            await redirect.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private IResult? CheckHeaders(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Headers.UserAgent))
        {
            // GitHub refuses requests without a User-Agent with this plain-text 403.
            return Results.Text(
                "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.\n",
                statusCode: 403);
        }

        if (!Options.StrictHeaders)
        {
            return null;
        }

        var version = request.Headers["X-GitHub-Api-Version"].ToString();
        if (version.Length == 0)
        {
            return FakeGitHubJson.Error(400, "fake GitHub: X-GitHub-Api-Version header is missing; RunbookRunner pins 2022-11-28.", null);
        }

        if (version != ApiVersion)
        {
            return FakeGitHubJson.Error(400, $"API version '{version}' is not supported.", "https://docs.github.com/rest/overview/api-versions");
        }

        var accept = request.Headers.Accept.ToString();
        if (!accept.Contains(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return FakeGitHubJson.Error(400, $"fake GitHub: Accept must be {MediaType}, got '{accept}'.", null);
        }

        return null;
    }

    private static string? ReadToken(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        foreach (var scheme in (string[])["Bearer ", "token "])
        {
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return value[scheme.Length..].Trim();
            }
        }

        return value.Length == 0 ? null : "";
    }

    /// <summary>A renamed repository answers 301 to reads and 307 to writes, pointing at the new name.</summary>
    private IResult? RedirectForRename(HttpRequest request, string relativePath)
    {
        var match = RepositoryPath().Match(relativePath);
        if (!match.Success)
        {
            return null;
        }

        var target = State.FindRenamed(match.Groups["owner"].Value, match.Groups["name"].Value);
        if (target is null)
        {
            return null;
        }

        var location = ApiUrl($"repos/{target.Owner}/{target.Name}{match.Groups["rest"].Value}") + request.QueryString.Value;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        return Results.Redirect(location, permanent: read, preserveMethod: !read);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<name>[^/]+)(?<rest>/.*)?$")]
    private static partial Regex RepositoryPath();
}
