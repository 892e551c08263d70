namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>A failure the fake Slack server serves instead of handling a request.</summary>
public sealed record FakeSlackFailure(FakeSlackFailureKind Kind, int StatusCode = 200, string? Error = null, int RetryAfterSeconds = 1)
{
    public static FakeSlackFailure ServerError(int statusCode = 500) => new(FakeSlackFailureKind.HttpStatus, statusCode);

    public static FakeSlackFailure RateLimited(int retryAfterSeconds = 1) => new(FakeSlackFailureKind.RateLimited, 429, "ratelimited", retryAfterSeconds);

    public static FakeSlackFailure SlackError(string error) => new(FakeSlackFailureKind.SlackError, 200, error);

    public static FakeSlackFailure Hang() => new(FakeSlackFailureKind.Hang);

    public static FakeSlackFailure Garbage() => new(FakeSlackFailureKind.Garbage);
}
