using System.Globalization;
using System.Net.Http.Headers;

namespace RunbookRunner.GitHub.Http;

/// <summary>The <c>x-ratelimit-*</c> headers of one GitHub response.</summary>
public sealed record GitHubRateLimit
{
    public int? Limit { get; init; }

    public int? Remaining { get; init; }

    public int? Used { get; init; }

    /// <summary>When the current window resets (from <c>x-ratelimit-reset</c>, epoch seconds).</summary>
    public DateTimeOffset? ResetsAt { get; init; }

    /// <summary>The rate-limit bucket, e.g. <c>core</c> or <c>search</c>.</summary>
    public string? Resource { get; init; }

    /// <summary>Reads the headers; <see langword="null"/> when the response carries none of them.</summary>
    public static GitHubRateLimit? FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var limit = ReadInt(headers, "x-ratelimit-limit");
        var remaining = ReadInt(headers, "x-ratelimit-remaining");
        var used = ReadInt(headers, "x-ratelimit-used");
        var reset = ReadLong(headers, "x-ratelimit-reset");
        var resource = headers.TryGetValues("x-ratelimit-resource", out var values) ? values.FirstOrDefault() : null;
        if (limit is null && remaining is null && used is null && reset is null && resource is null)
        {
            return null;
        }

        return new GitHubRateLimit
        {
            Limit = limit,
            Remaining = remaining,
            Used = used,
            ResetsAt = reset is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            Resource = resource,
        };
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
