using Microsoft.Extensions.Options;

namespace RunbookRunner.Slack.RateLimiting;

/// <summary>
/// Paces messages per channel (Slack allows about one <c>chat.postMessage</c> per second per channel,
/// with short bursts tolerated): a token bucket per channel, <see cref="Burst"/> deep, refilled one
/// token per <see cref="Interval"/>. Callers queue in arrival order; time comes from <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Implemented as a generic cell-rate algorithm: per channel we keep the theoretical arrival time of the
/// next message, so the arithmetic is exact in ticks and each caller gets its own slot without polling.
/// </remarks>
public sealed class SlackChannelPacer
{
    // Idle channels are forgotten once this many are tracked, so a long-lived process does not grow without bound.
    private const int PruneThreshold = 1024;

    private readonly Dictionary<string, long> _nextArrivalTicks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    public SlackChannelPacer(TimeSpan interval, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Interval = interval;
        Burst = burst;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates a pacer from <see cref="SlackOptions.ChannelPace"/> and <see cref="SlackOptions.ChannelBurst"/>.</summary>
    public SlackChannelPacer(IOptions<SlackOptions> options, TimeProvider timeProvider)
        : this(GetOptions(options).ChannelPace, GetOptions(options).ChannelBurst, timeProvider)
    {
    }

    /// <summary>Sustained time between two messages to one channel.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Messages an idle channel accepts without waiting.</summary>
    public int Burst { get; }

    /// <summary>Waits until a message may be sent to <paramref name="channel"/> and takes its slot.</summary>
    public async Task WaitAsync(string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var delay = Reserve(channel);
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Release(channel);
            throw;
        }
    }

    /// <summary>How long a message to <paramref name="channel"/> would wait now, without taking a slot.</summary>
    public TimeSpan PeekDelay(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow().UtcTicks;
            var next = _nextArrivalTicks.TryGetValue(channel, out var stored) ? Math.Max(stored, now) : now;
            return TimeSpan.FromTicks(Math.Max(0, next + Interval.Ticks - (Burst * Interval.Ticks) - now));
        }
    }

    private TimeSpan Reserve(string channel)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow().UtcTicks;
            if (_nextArrivalTicks.Count >= PruneThreshold)
            {
                Prune(now);
            }

            var theoretical = _nextArrivalTicks.TryGetValue(channel, out var stored) ? Math.Max(stored, now) : now;
            var next = theoretical + Interval.Ticks;
            _nextArrivalTicks[channel] = next;

            // The slot opens Burst intervals before the theoretical arrival time of the following message.
            var allowedAt = next - (Burst * Interval.Ticks);
            return TimeSpan.FromTicks(Math.Max(0, allowedAt - now));
        }
    }

    private void Release(string channel)
    {
        lock (_lock)
        {
            if (_nextArrivalTicks.TryGetValue(channel, out var stored))
            {
                _nextArrivalTicks[channel] = stored - Interval.Ticks;
            }
        }
    }

    private void Prune(long now)
    {
        foreach (var (channel, next) in _nextArrivalTicks.ToList())
        {
            if (next <= now)
            {
                _nextArrivalTicks.Remove(channel);
            }
        }
    }

    private static SlackOptions GetOptions(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }
}
