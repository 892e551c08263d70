namespace RunbookRunner.Slack.Narration;

/// <summary>
/// The runs the narrator keeps in memory, least recently used dropped first beyond a bound. A dropped run is
/// re-read from the stores on its next event, so the bound trades memory for reads, never correctness.
/// </summary>
internal sealed class NarratedRunCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<NarratedRun>> _runs = new(StringComparer.Ordinal);
    private readonly LinkedList<NarratedRun> _order = new();
    private readonly Lock _lock = new();

    public NarratedRun Get(string runId)
    {
        lock (_lock)
        {
            if (_runs.TryGetValue(runId, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value;
            }

            var run = new NarratedRun(runId);
            _runs[runId] = _order.AddFirst(run);
            while (_runs.Count > capacity && _order.Last is { } last)
            {
                // Not disposed: a delivery may still hold its gate; the GC reclaims it.
                _order.RemoveLast();
                _runs.Remove(last.Value.RunId);
            }

            return run;
        }
    }

    public bool TryPeek(string runId, out NarratedRun? run)
    {
        lock (_lock)
        {
            run = _runs.TryGetValue(runId, out var node) ? node.Value : null;
            return run is not null;
        }
    }

    public void Remove(string runId)
    {
        lock (_lock)
        {
            if (_runs.Remove(runId, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}
