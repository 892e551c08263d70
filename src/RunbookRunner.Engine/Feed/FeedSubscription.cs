using System.Threading.Channels;

namespace RunbookRunner.Engine.Feed;

/// <summary>A live subscription to the feed; dispose to stop.</summary>
public sealed class FeedSubscription(ChannelReader<FeedEntry> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<FeedEntry> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
