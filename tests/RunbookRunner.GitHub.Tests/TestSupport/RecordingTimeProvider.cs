namespace RunbookRunner.GitHub.Tests.TestSupport;

/// <summary>
/// A clock that moves only when the test says so (like TestKit's ManualTimeProvider) and also records every timer
/// request, so a test can wait for the code under test to start waiting, check how long it wants to wait, and then
/// advance exactly that far.
/// </summary>
internal sealed class RecordingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly Lock gate = new();
    private readonly List<RecordingTimer> timers = [];
    private readonly List<TimeSpan> requestedDelays = [];
    private readonly List<(int Index, TaskCompletionSource<TimeSpan> Signal)> waiters = [];
    private DateTimeOffset now = start;
    private int consumed;

    public RecordingTimeProvider()
        : this(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Every due time a timer was set to, in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (gate)
            {
                return requestedDelays.ToList();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The next timer the code under test sets (one not returned before); fails after 15 s of real time.</summary>
    public Task<TimeSpan> NextDelayAsync()
    {
        lock (gate)
        {
            var index = consumed++;
            if (index < requestedDelays.Count)
            {
                return Task.FromResult(requestedDelays[index]);
            }

            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((index, signal));
            return signal.Task.WaitAsync(WaitLimit);
        }
    }

    /// <summary>Moves the clock and fires every timer that falls due, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }

        while (true)
        {
            RecordingTimer? due;
            lock (gate)
            {
                due = timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    now = target;
                    return;
                }

                now = due.DueAt;
                timers.Remove(due);
                if (due.Period is { } period)
                {
                    due.DueAt = now + period;
                    timers.Add(due);
                }
            }

            due.Fire();
        }
    }

    internal void Schedule(RecordingTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timers.Add(timer);
            requestedDelays.Add(dueTime);
            foreach (var waiter in waiters.Where(w => w.Index < requestedDelays.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Signal.TrySetResult(requestedDelays[waiter.Index]);
            }
        }
    }

    internal void Remove(RecordingTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }
}
