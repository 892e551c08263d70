using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Engine.Narration;

/// <summary>
/// Delivers outbox messages to their sinks, in order per run and target. A failing sink (Slack down)
/// gets the message again later with growing delays; nothing is lost, and a message is marked done
/// only after its sink accepted it.
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore outbox,
    IEnumerable<INarrationSink> sinks,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, INarrationSink> _sinks = sinks.ToDictionary(s => s.Target, StringComparer.Ordinal);

    /// <summary>How long the dispatcher sleeps when there is nothing to do and nobody pokes it.</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Delivers what is due now; returns the number of messages handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var batch = await outbox.ClaimNextAsync(options.Value.NodeId, 100, Lease, cancellationToken).ConfigureAwait(false);
        var stalled = new HashSet<(string?, string)>();
        var delivered = new List<long>(batch.Count);
        try
        {
            await DeliverAsync(batch, stalled, delivered, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // One transaction marks the whole batch delivered (not one per message): a burst of narration
            // costs the store two writes, whatever its size. A crash before this line delivers the batch again
            // after the lease; the Slack sink recognises events it already posted.
            await outbox.CompleteManyAsync(delivered, options.Value.NodeId, CancellationToken.None).ConfigureAwait(false);
        }

        return batch.Count;
    }

    private async Task DeliverAsync(IReadOnlyList<OutboxMessage> batch, HashSet<(string?, string)> stalled, List<long> delivered, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            // After a failure, later messages of the same run and target wait for it: order is kept.
            if (stalled.Contains((message.RunId, message.Target)))
            {
                continue;
            }

            try
            {
                if (!_sinks.TryGetValue(message.Target, out var sink))
                {
                    throw new InvalidOperationException($"no narration sink for target '{message.Target}' on this node");
                }

                await sink.DeliverAsync(NarrationOutbox.Parse(message.PayloadJson), cancellationToken).ConfigureAwait(false);
                delivered.Add(message.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(message.Attempts, 6))));
                logger.LogWarning("Narration to {Target} for run {RunId} failed (attempt {Attempt}), retrying in {Delay}: {Error}", message.Target, message.RunId, message.Attempts + 1, delay, ex.Message);
                stalled.Add((message.RunId, message.Target));
                await outbox.FailAsync(message.Id, options.Value.NodeId, time.GetUtcNow() + delay, ex.Message, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Outbox dispatch failed, will retry: {Error}", ex.Message);
            }

            if (handled == 0)
            {
                try
                {
                    await signal.WaitAsync(IdleWait, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
