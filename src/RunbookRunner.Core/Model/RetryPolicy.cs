namespace RunbookRunner.Core.Model;

/// <summary>How often a failing action is tried: <see cref="Attempts"/> counts every try, the first included.</summary>
public sealed record RetryPolicy(int Attempts, TimeSpan Backoff, double Factor = 1.0, TimeSpan? MaxBackoff = null)
{
    public static RetryPolicy Once { get; } = new(1, TimeSpan.Zero);

    /// <summary>Delay before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var exponent = Math.Max(0, nextAttempt - 2);
        var delay = TimeSpan.FromTicks((long)Math.Min(Backoff.Ticks * Math.Pow(Factor, exponent), TimeSpan.MaxValue.Ticks / 2.0));
        return MaxBackoff is { } max && delay > max ? max : delay;
    }
}
