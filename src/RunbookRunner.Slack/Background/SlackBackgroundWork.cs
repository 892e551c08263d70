using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Slack.WarRoom;

namespace RunbookRunner.Slack.Background;

/// <summary>
/// Work that follows a Slack request after it was acknowledged (Slack wants an answer within 3 seconds): engine
/// submissions, replies through <c>response_url</c>, modals. A few workers drain a bounded queue; urgent work (a
/// modal, whose trigger lives 3 seconds) starts at once. Everything in flight is awaited on shutdown.
/// </summary>
public sealed class SlackBackgroundWork : BackgroundService
{
    private const int Workers = 4;

    private readonly Channel<WorkItem> _queue;
    private readonly ConcurrentDictionary<long, Task> _urgent = new();
    private readonly ILogger<SlackBackgroundWork> _logger;
    private long _nextUrgentId;
    private CancellationToken _stopping = CancellationToken.None;

    public SlackBackgroundWork(IOptions<SlackWarRoomOptions> options, ILogger<SlackBackgroundWork> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(options.Value.WorkQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        _logger = logger;
    }

    /// <summary>Queues work; false when the queue is full (the caller tells the user to try again).</summary>
    public bool TryEnqueue(string description, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _queue.Writer.TryWrite(new WorkItem(description, work));
    }

    /// <summary>Starts work now, beside the queue, for what cannot wait its turn.</summary>
    public void RunNow(string description, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var id = Interlocked.Increment(ref _nextUrgentId);
        var task = Task.Run(() => RunAsync(new WorkItem(description, work), _stopping), CancellationToken.None);
        _urgent[id] = task;
        _ = task.ContinueWith(_ => _urgent.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_urgent.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        return Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => DrainAsync(stoppingToken)));
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(item, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is dropped; Slack users see no answer and may click again.
        }
    }

    private async Task RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            await item.Work(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Slack work '{Work}' cancelled by shutdown.", item.Description);
            }
        }
        catch (Exception ex)
        {
            // The handlers answer users themselves; what reaches here is a bug or an outage worth a loud log.
            _logger.LogError(ex, "Slack work '{Work}' failed.", item.Description);
        }
    }

    private sealed record WorkItem(string Description, Func<CancellationToken, Task> Work);
}
