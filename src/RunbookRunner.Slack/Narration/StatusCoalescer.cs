using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.Slack.Narration;

/// <summary>
/// Coalesces status-message updates: the first event of a run after a quiet spell schedules one flush a window
/// later, and every event until then rides along, so a burst of events costs one <c>chat.update</c>. A failed
/// flush is tried again with growing delays (a later event schedules a fresh one anyway).
/// </summary>
internal sealed class StatusCoalescer : IAsyncDisposable
{
    private const int MaxFlushAttempts = 8;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Task> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Func<string, CancellationToken, Task> _flush;
    private readonly ILogger _logger;

    public StatusCoalescer(TimeSpan window, TimeProvider time, Func<string, CancellationToken, Task> flush, ILogger logger)
    {
        _window = window;
        _time = time;
        _flush = flush;
        _logger = logger;
    }

    /// <summary>Flushes scheduled or running now (for tests and shutdown).</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Asks for the run's status message to be brought up to date within the window.</summary>
    public void MarkDirty(string runId)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_pending.TryAdd(runId, gate.Task))
        {
            _ = FlushLaterAsync(runId, gate);
        }
    }

    /// <summary>Waits for every scheduled flush (tests; they advance the clock first when it is manual).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_pending.Values);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_pending.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: pending flushes are dropped; the next event after a restart redraws the status.
        }

        _stopping.Dispose();
    }

    private async Task FlushLaterAsync(string runId, TaskCompletionSource done)
    {
        var token = _stopping.Token;
        try
        {
            var delay = _window;
            for (var attempt = 1; ; attempt++)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, token).ConfigureAwait(false);
                }

                try
                {
                    // Events arriving from now on schedule a new flush: this one may already have rendered.
                    _pending.TryRemove(new KeyValuePair<string, Task>(runId, done.Task));
                    await _flush(runId, token).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    if (attempt >= MaxFlushAttempts || !_pending.TryAdd(runId, done.Task))
                    {
                        // Given up, or a newer flush is already scheduled and will do the work.
                        _logger.LogWarning("Slack status update for run {RunId} failed: {Error}", runId, ex.Message);
                        return;
                    }

                    delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, TimeSpan.FromSeconds(Math.Pow(2, attempt)).Ticks));
                    _logger.LogWarning("Slack status update for run {RunId} failed (attempt {Attempt}), retrying in {Delay}: {Error}", runId, attempt, delay, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Task>(runId, done.Task));
            done.TrySetResult();
        }
    }
}
