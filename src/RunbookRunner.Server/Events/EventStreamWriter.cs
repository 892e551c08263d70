using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RunbookRunner.Contracts;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Server.Configuration;

namespace RunbookRunner.Server.Events;

/// <summary>
/// A live Server-Sent Events stream of one run: replays the journal after the client's last sequence, then
/// follows it. This node's event feed only says "something new"; events are always read back from the journal,
/// so what is sent is redacted, in order and complete, and events committed by other nodes arrive through a
/// periodic read. Heartbeat comments keep idle connections open; the stream ends after the run's last event.
/// </summary>
public sealed class EventStreamWriter(RunEventFeed feed, EventReader reader, IOptions<ServerOptions> options)
{
    private const int Batch = 200;

    public async Task WriteAsync(HttpContext context, RunRecord record, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(record);
        var response = context.Response;
        response.ContentType = ApiHeaders.EventStream;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before the first read, so nothing committed in between is missed.
        using var subscription = feed.Subscribe(record.Id);
        var cursor = reader.Open(record);
        var heartbeat = options.Value.EventStreamHeartbeat;
        var poll = options.Value.EventStreamPoll;
        var sinceBeat = TimeSpan.Zero;
        await WriteAsync(response, "retry: 2000\n\n", cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                bool more;
                do
                {
                    var (items, hasMore) = await cursor.ReadAsync(after, Batch, cancellationToken);
                    more = hasMore;
                    foreach (var item in items)
                    {
                        after = item.Sequence;
                        await WriteAsync(response, $"id: {item.Sequence}\ndata: {JsonSerializer.Serialize(item, ApiJson.Options)}\n\n", cancellationToken);
                    }
                }
                while (more);

                if (cursor.State.IsTerminal)
                {
                    await WriteAsync(response, $"event: end\ndata: {{\"state\":\"{Core.Runs.State.StatusNames.Of(cursor.State.Status)}\"}}\n\n", cancellationToken);
                    return;
                }

                var signalled = await WaitAsync(subscription, poll, cancellationToken);
                sinceBeat = signalled ? TimeSpan.Zero : sinceBeat + poll;
                if (sinceBeat >= heartbeat)
                {
                    sinceBeat = TimeSpan.Zero;
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nothing to clean up beyond the subscription.
        }
    }

    /// <summary>Waits for the feed to signal new events, or for <paramref name="timeout"/>; drains what is queued.</summary>
    private static async Task<bool> WaitAsync(FeedSubscription subscription, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        bool signalled;
        try
        {
            signalled = await subscription.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        while (subscription.Reader.TryRead(out _))
        {
            // Entries only signal; the journal is the source of what is sent.
        }

        return signalled;
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
