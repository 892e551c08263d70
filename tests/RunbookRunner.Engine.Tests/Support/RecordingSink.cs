using System.Collections.Concurrent;
using RunbookRunner.Core.Narration;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>A narration sink that remembers what it received, and can be told to fail like an outage.</summary>
internal sealed class RecordingSink : INarrationSink
{
    public ConcurrentQueue<NarrationMessage> Received { get; } = new();

    public bool Down { get; set; }

    public string Target => "test";

    public Task DeliverAsync(NarrationMessage message, CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            throw new HttpRequestException("narration target is down");
        }

        Received.Enqueue(message);
        return Task.CompletedTask;
    }
}
