using System.Collections.Concurrent;
using RunbookRunner.Core.Narration;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>
/// A narration sink with one slow channel: deliveries there first fail <see cref="FailuresLeft"/> times (a 429), then wait
/// until the test opens <see cref="Release"/> (a channel Slack paces). Every other channel is delivered at once.
/// </summary>
internal sealed class LaneProbeSink(string slowChannel) : INarrationSink
{
    private readonly Lock _lock = new();
    private readonly ConcurrentQueue<NarrationMessage> _delivered = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft;

    public string Target => "test";

    /// <summary>Opens the slow channel.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a delivery to the slow channel is waiting for <see cref="Release"/>.</summary>
    public TaskCompletionSource SlowEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public IReadOnlyList<NarrationMessage> Delivered => [.. _delivered];

    public IReadOnlyList<long> SequencesOf(string channel) => [.. _delivered.Where(m => m.Channel == channel).Select(m => m.Sequence)];

    public async Task DeliverAsync(NarrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel == slowChannel)
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new HttpRequestException("429 ratelimited");
            }

            SlowEntered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }

        _delivered.Enqueue(message);
        lock (_lock)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking after every delivery.</summary>
    public async Task WaitUntilAsync(Func<LaneProbeSink, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }
}
