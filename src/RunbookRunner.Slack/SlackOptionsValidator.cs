using Microsoft.Extensions.Options;

namespace RunbookRunner.Slack;

/// <summary>Validates <see cref="SlackOptions"/> at start-up, reporting every problem at once.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = SlackOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add($"{section}:{nameof(SlackOptions.BotToken)} is required: set it to the app's bot token (xoxb-...).");
        }
        else if (!options.BotToken.StartsWith("xox", StringComparison.Ordinal) || options.BotToken.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:{nameof(SlackOptions.BotToken)} does not look like a Slack token: it must start with 'xox' and contain no whitespace.");
        }

        if (string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add($"{section}:{nameof(SlackOptions.SigningSecret)} is required: copy it from the app's Basic Information page.");
        }
        else if (options.SigningSecret.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:{nameof(SlackOptions.SigningSecret)} contains whitespace; remove it (a trailing newline from a secret file is a common cause).");
        }

        if (options.ApiBaseUrl is null || !options.ApiBaseUrl.IsAbsoluteUri
            || (options.ApiBaseUrl.Scheme != Uri.UriSchemeHttps && options.ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{section}:{nameof(SlackOptions.ApiBaseUrl)} must be an absolute http(s) URL such as {SlackOptions.DefaultApiBaseUrl}.");
        }

        if (options.ChannelPace <= TimeSpan.Zero || options.ChannelPace > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:{nameof(SlackOptions.ChannelPace)} is {options.ChannelPace}; it must be above zero and at most one minute.");
        }

        if (options.ChannelBurst is < 1 or > 50)
        {
            failures.Add($"{section}:{nameof(SlackOptions.ChannelBurst)} is {options.ChannelBurst}; it must be between 1 and 50.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{section}:{nameof(SlackOptions.MaxAttempts)} is {options.MaxAttempts}; it must be between 1 and 10.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(SlackOptions.RetryBaseDelay)} is {options.RetryBaseDelay}; it must be above zero.");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:{nameof(SlackOptions.MaxRetryDelay)} ({options.MaxRetryDelay}) is below {nameof(SlackOptions.RetryBaseDelay)} ({options.RetryBaseDelay}); raise it.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(SlackOptions.MaxRetryAfter)} is {options.MaxRetryAfter}; it must not be negative.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:{nameof(SlackOptions.RequestTimeout)} is {options.RequestTimeout}; it must be above zero and at most five minutes.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{section}:{nameof(SlackOptions.MaxRequestBodyBytes)} is {options.MaxRequestBodyBytes}; it must be between 1 KiB and 16 MiB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
