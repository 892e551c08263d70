using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Engine.Narration;

/// <summary>
/// Claimed narration sorted into lanes, one per (target, channel), each delivered in id order by its own worker while
/// the lanes run side by side (at most <c>concurrency</c> deliveries at once). A channel that is paced, rate-limited or
/// failing holds up only its own lane.
/// </summary>
/// <remarks>
/// A message is "in flight" from the claim that brought it until its completion is written (or it is handed back), so the
/// node never queues one message twice, even when a claim renews a lease it already holds. Delivered ids are collected for
/// one batched completion (<see cref="IOutboxStore.CompleteManyAsync"/>). When a delivery fails or is deferred, the run's
/// later messages leave the lane at once: the store hands them out again, in order, after the earlier one.
/// </remarks>
internal sealed class NarrationLanes : IDisposable
{
    // How many (run, target) → lane pairs are remembered to steer claims away from busy lanes; beyond it idle ones are forgotten.
    private const int RememberedRuns = 4096;

    // Longest skip list sent with a claim (each is a SQL parameter).
    private const int MaxSkippedRuns = 500;

    private readonly Lock _lock = new();
    private readonly Dictionary<NarrationLaneKey, Lane> _lanes = [];
    private readonly HashSet<long> _inFlight = [];
    private readonly Dictionary<long, LinkedListNode<NarrationLaneItem>> _queued = [];
    private readonly List<long> _completed = [];
    private readonly Dictionary<(string Run, string Target), NarrationLaneKey> _runLanes = [];
    private readonly SemaphoreSlim _slots;
    private readonly Func<NarrationLaneItem, CancellationToken, Task<NarrationLaneOutcome>> _deliver;
    private readonly Action _progress;
    private readonly Func<OutboxMessage, bool>? _expiring;
    private readonly int _laneBacklog;
    private readonly CancellationToken _stopping;
    private int _running;
    private TaskCompletionSource? _idle;

    /// <param name="concurrency">Deliveries in progress at once, across lanes.</param>
    /// <param name="laneBacklog">Queued messages from which a lane counts as busy (its runs are skipped by <see cref="BusyRuns"/>).</param>
    /// <param name="deliver">Delivers one message; throws only when <paramref name="stopping"/> fired.</param>
    /// <param name="progress">Called after every delivery attempt (wakes whoever writes completions and claims more).</param>
    /// <param name="expiring">
    /// True for a claim too close to its end to start delivering (null: never); such a message goes back to the store with
    /// its run's later ones, decided under the same lock that records a claim's renewal, so the two cannot cross.
    /// </param>
    /// <param name="stopping">Stops the lanes; what they still hold stays claimed in the store until the lease ends.</param>
    public NarrationLanes(
        int concurrency,
        int laneBacklog,
        Func<NarrationLaneItem, CancellationToken, Task<NarrationLaneOutcome>> deliver,
        Action progress,
        Func<OutboxMessage, bool>? expiring,
        CancellationToken stopping)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(laneBacklog, 1);
        ArgumentNullException.ThrowIfNull(deliver);
        ArgumentNullException.ThrowIfNull(progress);
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _laneBacklog = laneBacklog;
        _deliver = deliver;
        _progress = progress;
        _expiring = expiring;
        _stopping = stopping;
    }

    /// <summary>Messages held: queued, being delivered, or delivered and not yet completed.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Queues a claim's messages (id order) in their lanes and starts idle lanes; returns how many were new.</summary>
    public int Accept(IReadOnlyList<OutboxMessage> claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var started = new List<Lane>();
        var accepted = 0;
        lock (_lock)
        {
            // One lane per (run, target) within a claim, taken from the first message that names its channel: all of a
            // run's messages then queue behind each other even if one of them cannot be read.
            var laneOf = new Dictionary<(string Run, string Target), NarrationLaneKey>();
            var items = claimed.Select(Parse).ToList();
            foreach (var item in items)
            {
                var group = (item.RunKey, item.Message.Target);
                if (item.Narration is { } narration && !laneOf.ContainsKey(group))
                {
                    laneOf[group] = new NarrationLaneKey(item.Message.Target, narration.Channel ?? string.Empty);
                }
            }

            foreach (var item in items)
            {
                if (!_inFlight.Add(item.Message.Id))
                {
                    // Already held here: the claim renewed our lease, which the queued copy now carries.
                    if (_queued.TryGetValue(item.Message.Id, out var held))
                    {
                        held.Value = held.Value with { Message = item.Message };
                    }

                    continue;
                }

                var group = (item.RunKey, item.Message.Target);
                var key = laneOf.TryGetValue(group, out var k) ? k : _runLanes.GetValueOrDefault(group, new NarrationLaneKey(item.Message.Target, string.Empty));
                Remember(group, key);
                if (!_lanes.TryGetValue(key, out var lane))
                {
                    lane = new Lane(key);
                    _lanes[key] = lane;
                }

                _queued[item.Message.Id] = lane.Queue.AddLast(item);
                accepted++;
                if (!lane.Running)
                {
                    lane.Running = true;
                    _running++;
                    started.Add(lane);
                }
            }
        }

        foreach (var lane in started)
        {
            _ = RunAsync(lane);
        }

        return accepted;
    }

    /// <summary>Runs known to narrate into a busy lane: a claim that skips them fills the other lanes first.</summary>
    public IReadOnlyCollection<string> BusyRuns()
    {
        lock (_lock)
        {
            var busy = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (group, key) in _runLanes)
            {
                if (busy.Count >= MaxSkippedRuns)
                {
                    break;
                }

                if (_lanes.TryGetValue(key, out var lane) && lane.Queue.Count >= _laneBacklog)
                {
                    busy.Add(group.Run);
                }
            }

            return busy;
        }
    }

    /// <summary>Takes the ids delivered since the last call, for one batched completion.</summary>
    public IReadOnlyList<long> TakeDelivered()
    {
        lock (_lock)
        {
            var ids = _completed.ToList();
            _completed.Clear();
            return ids;
        }
    }

    /// <summary>The completion of <paramref name="ids"/> is written (or the claims are gone): they leave the node.</summary>
    public void Completed(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock)
        {
            foreach (var id in ids)
            {
                _inFlight.Remove(id);
            }
        }
    }

    /// <summary>Writing the completion of <paramref name="ids"/> failed: keep them for the next attempt.</summary>
    public void CompletionFailed(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock)
        {
            _completed.InsertRange(0, ids);
        }
    }

    /// <summary>Completes when no lane has work left (every lane drained, or stopped).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (_running == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    public void Dispose() => _slots.Dispose();

    private static NarrationLaneItem Parse(OutboxMessage message)
    {
        try
        {
            return new NarrationLaneItem(message, NarrationOutbox.Parse(message.PayloadJson), null);
        }
        catch (System.Text.Json.JsonException ex)
        {
            // Delivered as a failure in its lane, like any other sink error, so the run's order and retries are kept.
            return new NarrationLaneItem(message, null, $"unreadable narration payload: {ex.Message}");
        }
    }

    private void Remember((string Run, string Target) group, NarrationLaneKey key)
    {
        if (_runLanes.Count >= RememberedRuns && !_runLanes.ContainsKey(group))
        {
            foreach (var idle in _runLanes.Where(x => !_lanes.ContainsKey(x.Value)).Select(x => x.Key).ToList())
            {
                _runLanes.Remove(idle);
            }

            if (_runLanes.Count >= RememberedRuns)
            {
                _runLanes.Clear();
            }
        }

        _runLanes[group] = key;
    }

    private async Task RunAsync(Lane lane)
    {
        while (true)
        {
            NarrationLaneItem item;
            var handedBack = false;
            lock (_lock)
            {
                while (_expiring is not null && lane.Queue.First is { } stale && _expiring(stale.Value.Message))
                {
                    HandBack(lane, stale.Value);
                    handedBack = true;
                }

                if (lane.Queue.First is not { } head || _stopping.IsCancellationRequested)
                {
                    foreach (var left in lane.Queue)
                    {
                        _inFlight.Remove(left.Message.Id);
                        _queued.Remove(left.Message.Id);
                    }

                    lane.Queue.Clear();
                    lane.Running = false;
                    _lanes.Remove(lane.Key);
                    if (--_running == 0 && _idle is { } idle)
                    {
                        _idle = null;
                        idle.TrySetResult();
                    }

                    return;
                }

                item = head.Value;
            }

            if (handedBack)
            {
                _progress();
            }

            NarrationLaneOutcome outcome;
            try
            {
                await _slots.WaitAsync(_stopping).ConfigureAwait(false);
                try
                {
                    outcome = await _deliver(item, _stopping).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                outcome = NarrationLaneOutcome.Deferred;
            }

            lock (_lock)
            {
                if (outcome == NarrationLaneOutcome.Delivered)
                {
                    lane.Queue.RemoveFirst();
                    _queued.Remove(item.Message.Id);
                    _completed.Add(item.Message.Id);
                }
                else
                {
                    HandBack(lane, item);
                }
            }

            _progress();
        }
    }

    /// <summary>The item and every later message of its run and target leave the lane; the store keeps their order. Caller holds the lock.</summary>
    private void HandBack(Lane lane, NarrationLaneItem item)
    {
        for (var node = lane.Queue.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.RunKey == item.RunKey && node.Value.Message.Target == item.Message.Target)
            {
                _inFlight.Remove(node.Value.Message.Id);
                _queued.Remove(node.Value.Message.Id);
                lane.Queue.Remove(node);
            }

            node = next;
        }
    }

    private sealed class Lane(NarrationLaneKey key)
    {
        public NarrationLaneKey Key { get; } = key;

        public LinkedList<NarrationLaneItem> Queue { get; } = new();

        public bool Running { get; set; }
    }
}
