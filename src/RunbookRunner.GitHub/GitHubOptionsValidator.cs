using Microsoft.Extensions.Options;

namespace RunbookRunner.GitHub;

/// <summary>Checks <see cref="GitHubOptions"/> at start-up and reports every problem at once.</summary>
public sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    private const int MaxRetriesLimit = 10;
    private const int MaxRateLimitRetriesLimit = 20;
    private static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = GitHubOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.ApiBaseUrl)
            || !Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{section}:{nameof(options.ApiBaseUrl)} '{options.ApiBaseUrl}' must be an absolute http(s) URL, e.g. {GitHubOptions.DefaultApiBaseUrl} or https://github.example.com/api/v3/.");
        }
        else if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            failures.Add($"{section}:{nameof(options.ApiBaseUrl)} '{options.ApiBaseUrl}' must not have a query or fragment.");
        }

        if (options.Token is { } token && (token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            failures.Add($"{section}:{nameof(options.Token)} is empty or contains whitespace; paste the token without spaces or line breaks, or leave it unset.");
        }

        if (options.UserAgent is { } userAgent && !IsValidUserAgent(userAgent))
        {
            failures.Add($"{section}:{nameof(options.UserAgent)} '{userAgent}' is not a valid User-Agent header (expected e.g. 'MyCompany-Runbooks/1.0').");
        }

        if (options.MinWriteInterval < TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.MinWriteInterval)} must not be negative (got {options.MinWriteInterval}); GitHub recommends at least 00:00:01.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.MaxRateLimitWait)} must not be negative (got {options.MaxRateLimitWait}).");
        }

        if (options.MaxRateLimitRetries is < 0 or > MaxRateLimitRetriesLimit)
        {
            failures.Add($"{section}:{nameof(options.MaxRateLimitRetries)} must be between 0 and {MaxRateLimitRetriesLimit} (got {options.MaxRateLimitRetries}).");
        }

        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            failures.Add($"{section}:{nameof(options.MaxRetries)} must be between 0 and {MaxRetriesLimit} (got {options.MaxRetries}).");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryBaseDelay > MaxRetryBaseDelay)
        {
            failures.Add($"{section}:{nameof(options.RetryBaseDelay)} must be more than zero and at most {MaxRetryBaseDelay} (got {options.RetryBaseDelay}).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.RequestTimeout)} must be more than zero (got {options.RequestTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidUserAgent(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
