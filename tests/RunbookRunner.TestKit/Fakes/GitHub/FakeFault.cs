using System.Globalization;
using System.Text.Json.Nodes;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>
/// A response the fake gives instead of the real one (or a delay before it) for matching requests, a set number of times.
/// </summary>
public sealed class FakeFault
{
    public const string SecondaryRateLimitMessage =
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:FAKE.";

    private int remaining = 1;

    /// <summary>HTTP method to match, or <see langword="null"/> for any.</summary>
    public string? Method { get; init; }

    /// <summary>Substring of the path (without prefix) to match, or <see langword="null"/> for any.</summary>
    public string? PathContains { get; init; }

    /// <summary>How many matching requests get the fault.</summary>
    public int Times
    {
        get => remaining;
        init => remaining = value;
    }

    public int StatusCode { get; init; } = 500;

    public JsonNode? Body { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Real delay before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>After the delay, let the real endpoint answer.</summary>
    public bool PassThrough { get; init; }

    public static FakeFault SecondaryRateLimit(int? retryAfterSeconds = null, int statusCode = 403, string? pathContains = null, int times = 1) => new()
    {
        StatusCode = statusCode,
        PathContains = pathContains,
        Times = times,
        Body = ErrorBody(SecondaryRateLimitMessage, "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits"),
        Headers = retryAfterSeconds is { } seconds
            ? new Dictionary<string, string> { ["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture) }
            : new Dictionary<string, string>(),
    };

    public static FakeFault TooManyRequests(int retryAfterSeconds, string? pathContains = null) => new()
    {
        StatusCode = 429,
        PathContains = pathContains,
        Body = ErrorBody("Too many requests.", "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"),
        Headers = new Dictionary<string, string> { ["retry-after"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) },
    };

    public static FakeFault ServerError(int statusCode = 502, string? method = null, string? pathContains = null, int times = 1) => new()
    {
        StatusCode = statusCode,
        Method = method,
        PathContains = pathContains,
        Times = times,
        Body = ErrorBody("Server Error", null),
    };

    /// <summary>GitHub's answer when it auto-merges the default branch into the ref instead of deploying.</summary>
    public static FakeFault AutoMerged(int times = 1) => new()
    {
        StatusCode = 202,
        Method = "POST",
        PathContains = "/deployments",
        Times = times,
        Body = new JsonObject { ["message"] = "Auto-merged main into topic-branch on deployment." },
    };

    public static FakeFault Slow(TimeSpan delay, string? method = null, string? pathContains = null, int times = int.MaxValue) => new()
    {
        Method = method,
        PathContains = pathContains,
        Delay = delay,
        PassThrough = true,
        Times = times,
    };

    internal bool TryTake(string method, string relativePath)
    {
        if ((Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            || (PathContains is not null && !relativePath.Contains(PathContains, StringComparison.Ordinal)))
        {
            return false;
        }

        return Interlocked.Decrement(ref remaining) >= 0;
    }

    internal static JsonObject ErrorBody(string message, string? documentationUrl)
    {
        var body = new JsonObject { ["message"] = message };
        if (documentationUrl is not null)
        {
            body["documentation_url"] = documentationUrl;
        }

        return body;
    }
}
