using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Engine.Narration;

/// <summary>
/// Delivers outbox messages to their sinks: in order per channel (and so per run) and target, channels side by side.
/// A failing sink (Slack down) gets the message again later with growing delays; nothing is lost, and a message is
/// marked done only after its sink accepted it.
/// </summary>
/// <remarks>
/// Claimed messages go into lanes, one per (target, channel) (<see cref="EngineOptions.NarrationConcurrency"/> deliveries
/// at once, <see cref="EngineOptions.NarrationMaxInFlight"/> messages held at most), so a war-room channel that Slack paces
/// or rate-limits delays only its own narration. The service claims again whenever a lane makes room, skipping runs of
/// lanes that already have plenty queued, and writes completions in batches: one <c>UPDATE</c> for whatever was delivered
/// since the last one.
/// </remarks>
public sealed class OutboxDispatcher : BackgroundService
{
    /// <summary>How long a claim is this node's.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int BatchSize = 100;

    // A lane with this many messages queued is busy: its runs are skipped by the next claims until it drains.
    private const int LaneBacklog = 20;

    private readonly IOutboxStore _outbox;
    private readonly Dictionary<string, INarrationSink> _sinks;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        IOutboxStore outbox,
        IEnumerable<INarrationSink> sinks,
        OutboxSignal signal,
        TimeProvider time,
        IOptions<EngineOptions> options,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        if (_options.NarrationConcurrency < 1 || _options.NarrationMaxInFlight < 1)
        {
            throw new ArgumentException(
                $"{nameof(EngineOptions.NarrationConcurrency)} ({_options.NarrationConcurrency}) and {nameof(EngineOptions.NarrationMaxInFlight)} " +
                $"({_options.NarrationMaxInFlight}) must be at least 1; leave them unset for the defaults.",
                nameof(options));
        }

        _outbox = outbox;
        _sinks = sinks.ToDictionary(s => s.Target, StringComparer.Ordinal);
        _signal = signal;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long the dispatcher sleeps when there is nothing to do and nobody pokes it.</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Claims one batch, delivers it (channels side by side, each in order) and marks what was delivered done in one
    /// write; returns the number of messages claimed. For rehearsals and tests; the hosted service does not wait for a
    /// batch to finish before claiming more.
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var batch = await _outbox.ClaimNextAsync(_options.NodeId, BatchSize, Lease, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return 0;
        }

        // The batch is delivered right after its claim, so no lease check: a rehearsal's virtual clock may leap meanwhile.
        using var lanes = new NarrationLanes(_options.NarrationConcurrency, int.MaxValue, DeliverAsync, static () => { }, expiring: null, cancellationToken);
        try
        {
            lanes.Accept(batch);
            await lanes.WhenIdleAsync().ConfigureAwait(false);
        }
        finally
        {
            // One transaction marks the whole batch delivered (not one per message). A crash before this line delivers
            // the batch again after the lease; the Slack sink recognises events it already posted.
            await _outbox.CompleteManyAsync(lanes.TakeDelivered(), _options.NodeId, CancellationToken.None).ConfigureAwait(false);
        }

        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A message still queued when less than half of its claim is left (behind a slow channel) is not started: another
        // node could take it over mid-delivery. It goes back to the store with its run's later messages, in order.
        using var lanes = new NarrationLanes(_options.NarrationConcurrency, LaneBacklog, DeliverAsync, Poke, m => m.ClaimedUntil - _time.GetUtcNow() < Lease / 2, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var progressed = false;
                try
                {
                    progressed |= await CompleteDeliveredAsync(lanes, stoppingToken).ConfigureAwait(false) > 0;
                    var room = Math.Min(BatchSize, _options.NarrationMaxInFlight - lanes.InFlight);
                    if (room > 0)
                    {
                        var batch = await _outbox.ClaimNextAsync(_options.NodeId, room, Lease, lanes.BusyRuns(), stoppingToken).ConfigureAwait(false);
                        progressed |= lanes.Accept(batch) > 0;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    _logger.LogWarning("Outbox dispatch failed, will retry: {Error}", ex.Message);
                }

                if (!progressed)
                {
                    try
                    {
                        await _signal.WaitAsync(IdleWait, stoppingToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            // Lanes stop at the token; what they delivered is still worth recording (else it is delivered again after the lease).
            await lanes.WhenIdleAsync().ConfigureAwait(false);
            try
            {
                await CompleteDeliveredAsync(lanes, CancellationToken.None).ConfigureAwait(false);
            }
            catch (StorageException ex)
            {
                _logger.LogWarning("Could not record delivered narration at shutdown; it is delivered again after the lease: {Error}", ex.Message);
            }
        }
    }

    private async Task<int> CompleteDeliveredAsync(NarrationLanes lanes, CancellationToken cancellationToken)
    {
        var delivered = lanes.TakeDelivered();
        if (delivered.Count == 0)
        {
            return 0;
        }

        try
        {
            await _outbox.CompleteManyAsync(delivered, _options.NodeId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lanes.CompletionFailed(delivered);
            throw;
        }

        lanes.Completed(delivered);
        return delivered.Count;
    }

    private async Task<NarrationLaneOutcome> DeliverAsync(NarrationLaneItem item, CancellationToken cancellationToken)
    {
        var message = item.Message;
        try
        {
            if (!_sinks.TryGetValue(message.Target, out var sink))
            {
                throw new InvalidOperationException($"no narration sink for target '{message.Target}' on this node");
            }

            var narration = item.Narration ?? throw new InvalidOperationException(item.ParseError);
            await sink.DeliverAsync(narration, cancellationToken).ConfigureAwait(false);
            return NarrationLaneOutcome.Delivered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(message.Attempts, 6))));
            _logger.LogWarning("Narration to {Target} for run {RunId} failed (attempt {Attempt}), retrying in {Delay}: {Error}", message.Target, message.RunId, message.Attempts + 1, delay, ex.Message);
            try
            {
                await _outbox.FailAsync(message.Id, _options.NodeId, _time.GetUtcNow() + delay, ex.Message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception storeError) when (storeError is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The claim runs out instead and the message comes round again; the lane moves on meanwhile.
                _logger.LogWarning("Could not record the failed narration {MessageId}: {Error}", message.Id, storeError.Message);
            }

            return NarrationLaneOutcome.Failed;
        }
    }

    private void Poke()
    {
        try
        {
            _signal.Poke();
        }
        catch (ObjectDisposedException)
        {
            // The host is shutting down: nobody waits for the signal any more.
        }
    }
}
