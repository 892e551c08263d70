using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Events;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>Reads a Server-Sent Events response frame by frame, as a browser's EventSource would.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<SseReader> OpenAsync(HttpClient client, string path, long? lastEventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(ApiHeaders.EventStream);
        if (lastEventId is { } id)
        {
            request.Headers.Add(ApiHeaders.LastEventId, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ApiHeaders.EventStream);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new SseReader(response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>Reads frames until one matches (inclusive); heartbeat comments are skipped.</summary>
    public async Task<IReadOnlyList<SseFrame>> ReadUntilAsync(Func<SseFrame, bool> last, CancellationToken cancellationToken)
    {
        var frames = new List<SseFrame>();
        while (true)
        {
            var frame = await ReadFrameAsync(cancellationToken) ?? throw new EndOfStreamException($"the stream ended after {frames.Count} frames");
            if (frame.Event is null && frame.Data is null)
            {
                continue;
            }

            frames.Add(frame);
            if (last(frame))
            {
                return frames;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SseFrame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null;
        var data = new StringBuilder();
        var any = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return any ? Build(id, type, data) : null;
            }

            if (line.Length == 0)
            {
                if (any)
                {
                    return Build(id, type, data);
                }

                continue;
            }

            any = true;
            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Append(value); break;
            }
        }
    }

    private static SseFrame Build(string? id, string? type, StringBuilder data)
    {
        var text = data.ToString();
        var parsed = type is null && text.Length > 0 ? JsonSerializer.Deserialize<EventDto>(text, ApiJson.Options) : null;
        return new SseFrame(id is null ? null : long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), type, parsed, text);
    }
}

/// <summary>One SSE frame: its id (the journal sequence), event type (null for a journal event), and parsed data.</summary>
internal sealed record SseFrame(long? Id, string? Event, EventDto? Data, string Raw);
