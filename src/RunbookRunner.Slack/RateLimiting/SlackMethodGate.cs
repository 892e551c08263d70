namespace RunbookRunner.Slack.RateLimiting;

/// <summary>
/// Holds back calls to a Web API method that Slack rate-limited until its <c>Retry-After</c> has passed.
/// Limits are per key: the Web API client uses the method name, with the channel for the per-channel methods, so a 429 on
/// <c>chat.postMessage</c> in one channel blocks neither <c>reactions.add</c> nor posts to other channels.
/// </summary>
public sealed class SlackMethodGate
{
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    public SlackMethodGate(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Blocks <paramref name="method"/> for <paramref name="retryAfter"/> from now (never shortens an existing block).</summary>
    public void Block(string method, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(method);
        var until = _timeProvider.GetUtcNow() + (retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
        lock (_lock)
        {
            if (!_blockedUntil.TryGetValue(method, out var existing) || existing < until)
            {
                _blockedUntil[method] = until;
            }
        }
    }

    /// <summary>How long calls to <paramref name="method"/> must still wait.</summary>
    public TimeSpan GetRemainingBlock(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_lock)
        {
            if (!_blockedUntil.TryGetValue(method, out var until))
            {
                return TimeSpan.Zero;
            }

            var remaining = until - _timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                _blockedUntil.Remove(method);
                return TimeSpan.Zero;
            }

            return remaining;
        }
    }

    /// <summary>Waits until <paramref name="method"/> may be called.</summary>
    public async Task WaitAsync(string method, CancellationToken cancellationToken = default)
    {
        // Loop: another caller may extend the block while we wait.
        for (var remaining = GetRemainingBlock(method); remaining > TimeSpan.Zero; remaining = GetRemainingBlock(method))
        {
            await Task.Delay(remaining, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
