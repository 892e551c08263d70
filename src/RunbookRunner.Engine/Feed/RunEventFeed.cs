using System.Collections.Concurrent;
using System.Threading.Channels;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Engine.Feed;

/// <summary>
/// In-process fan-out of events as they are committed on this node, for live views (SSE, rehearsal
/// console). Subscribers that fall behind lose the oldest entries, never block the engine; a live view
/// re-reads the journal from its last sequence after reconnecting, so nothing is lost for it either.
/// </summary>
public sealed class RunEventFeed
{
    private readonly ConcurrentDictionary<Channel<FeedEntry>, string?> _subscribers = new();

    public void Publish(string runId, long firstSequence, IReadOnlyList<RunEvent> events, RunState state)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            var entry = new FeedEntry(runId, firstSequence + i, events[i], state);
            foreach (var (channel, filter) in _subscribers)
            {
                if (filter is null || filter == runId)
                {
                    channel.Writer.TryWrite(entry);
                }
            }
        }
    }

    /// <summary>Events of one run, or of all runs when <paramref name="runId"/> is null, until disposed.</summary>
    public FeedSubscription Subscribe(string? runId = null)
    {
        var channel = Channel.CreateBounded<FeedEntry>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = runId;
        return new FeedSubscription(channel.Reader, () =>
        {
            _subscribers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
    }
}
