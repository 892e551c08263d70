namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>The primary (hourly) rate limit of one token.</summary>
public sealed class FakeRateLimitWindow
{
    public int Limit { get; set; } = 5000;

    public int Used { get; set; }

    public DateTimeOffset ResetsAt { get; set; }

    public int Remaining => Math.Max(0, Limit - Used);
}
