namespace RunbookRunner.Slack;

/// <summary>
/// Settings for talking to Slack: the bot token for the Web API, the signing secret for incoming
/// requests, the API base URL (a local fake in tests) and the client's pacing and retry policy.
/// Bound from the <c>Slack</c> configuration section and validated at start-up.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Slack";

    /// <summary>Default Web API base URL.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://slack.com/api/");

    /// <summary>Bot token (<c>xoxb-...</c>) sent as <c>Authorization: Bearer</c> to the Web API.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>Signing secret used to verify requests Slack sends to us.</summary>
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>Base URL of the Web API; method names are appended to it.</summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Sustained pace of <c>chat.postMessage</c>/<c>chat.update</c> per channel (Slack allows about one per second).</summary>
    public TimeSpan ChannelPace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages that may go to one idle channel at once before pacing applies.</summary>
    public int ChannelBurst { get; set; } = 3;

    /// <summary>Total attempts per call (first try included) for retryable failures.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off delay after a transient failure; doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for one back-off delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest <c>Retry-After</c> the client waits out inside one call; longer ones surface as
    /// <see cref="Errors.SlackRateLimitedException"/> so the caller can reschedule.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout for one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest request body accepted on the Slack endpoints (interactions, commands).</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
