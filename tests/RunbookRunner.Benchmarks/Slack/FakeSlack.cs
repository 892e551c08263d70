using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.Benchmarks.Slack;

/// <summary>
/// A Slack Web API stand-in on 127.0.0.1 (random port): answers every method <c>ok</c> (messages get a fresh
/// <c>ts</c>) and records which method was called, for which channel, and when.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private static long s_ts = 1_700_000_000_000_000;
    private readonly WebApplication _app;

    private FakeSlack(WebApplication app, Uri apiBase)
    {
        _app = app;
        ApiBase = apiBase;
    }

    /// <summary>What <c>Slack__ApiBaseUrl</c> points at.</summary>
    public Uri ApiBase { get; }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public sealed record Call(string Method, string? Channel, string Body, TimeSpan At);

    public static async Task<FakeSlack> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSlack? self = null;
        var clock = Stopwatch.StartNew();
        app.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            self!.Calls.Enqueue(new Call(method, ChannelOf(body), body, clock.Elapsed));
            var ts = (Interlocked.Increment(ref s_ts) / 1e6).ToString("0.000000", CultureInfo.InvariantCulture);
            return Results.Json(new { ok = true, channel = ChannelOf(body) ?? "C-BENCH", ts, message = new { ts } });
        });
        app.MapPost("/response/{id}", () => Results.Json(new { ok = true }));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        self = new FakeSlack(app, new Uri($"{address.TrimEnd('/')}/api/")) { Started = clock };
        return self;
    }

    /// <summary>The fake's clock: <see cref="Call.At"/> is measured on it.</summary>
    public Stopwatch Started { get; private init; } = new();

    public Uri ResponseUrl(string id) => new(ApiBase, $"../response/{id}");

    private static string? ChannelOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("channel", out var c) ? c.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
