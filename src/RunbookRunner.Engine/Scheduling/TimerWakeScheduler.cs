using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.Engine.Scheduling;

/// <summary>
/// In-process wakes on <see cref="TimeProvider"/> timers: for rehearsals and single-process use, where
/// time may be compressed. Not durable; a durable node uses <see cref="QuartzWakeScheduler"/>.
/// </summary>
public sealed class TimerWakeScheduler(TimeProvider time, Lazy<IRunWakeTarget> target, EngineActivity activity, ILogger<TimerWakeScheduler> logger) : IRunWakeScheduler, IDisposable
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, ITimer Timer)> _timers = new();

    /// <summary>The earliest pending wake, for drivers that jump time forward when the engine is idle.</summary>
    public DateTimeOffset? NextDue => _timers.Values.Select(t => (DateTimeOffset?)t.At).Min();

    public bool IsDurable => false;

    public Task ScheduleAsync(string runId, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        if (_timers.TryRemove(runId, out var old))
        {
            old.Timer.Dispose();
        }

        if (at is { } due)
        {
            var delay = due - time.GetUtcNow();
            var timer = time.CreateTimer(_ => Fire(runId, due), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
            if (!_timers.TryAdd(runId, (due, timer)))
            {
                timer.Dispose();
            }
        }

        return Task.CompletedTask;
    }

    private void Fire(string runId, DateTimeOffset due)
    {
        if (_timers.TryGetValue(runId, out var entry) && entry.At == due && _timers.TryRemove(new KeyValuePair<string, (DateTimeOffset, ITimer)>(runId, entry)))
        {
            entry.Timer.Dispose();
            activity.Enter();
            _ = Task.Run(async () =>
            {
                try
                {
                    await target.Value.WakeAsync(runId).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Waking run {RunId} failed", runId);
                }
                finally
                {
                    activity.Exit();
                }
            });
        }
    }

    public void Dispose()
    {
        foreach (var (_, timer) in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}
