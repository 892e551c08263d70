using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>An OTLP/HTTP receiver on 127.0.0.1: keeps every protobuf body posted to <c>/v1/traces</c> and <c>/v1/metrics</c>.</summary>
internal sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeOtlpCollector(WebApplication app) => _app = app;

    public string Url => _app.Urls.First().TrimEnd('/');

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var collector = new FakeOtlpCollector(app);
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector._received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            collector._arrived.Release();
            context.Response.ContentType = "application/x-protobuf";

            // An empty ExportTraceServiceResponse / ExportMetricsServiceResponse: full success.
            return Results.Bytes([], "application/x-protobuf");
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(timeout.Token);
        return collector;
    }

    /// <summary>Every body posted to <paramref name="path"/>, joined (protobuf strings are plain UTF-8 inside).</summary>
    public string Text(string path) =>
        string.Concat(_received.Where(r => r.Path == path).Select(r => System.Text.Encoding.UTF8.GetString(r.Body)));

    /// <summary>Waits until a body posted to <paramref name="path"/> contains every one of <paramref name="needles"/>.</summary>
    public async Task<string> WaitForAsync(string path, IReadOnlyList<string> needles, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var text = Text(path);
            if (needles.All(n => text.Contains(n, StringComparison.Ordinal)))
            {
                return text;
            }

            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                var missing = needles.Where(n => !text.Contains(n, StringComparison.Ordinal));
                throw new TimeoutException($"{path} never received {string.Join(", ", missing)} ({_received.Count} bodies in all)");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
