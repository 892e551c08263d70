using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>
/// The smallest Slack Web API that says yes: every method answers <c>{"ok":true}</c> with a channel and a fresh
/// <c>ts</c>, on 127.0.0.1. For tests that need narration to reach "Slack", not to inspect it.
/// </summary>
internal sealed class OkSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _ts;
    private int _calls;

    private OkSlackServer(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    public int Calls => Volatile.Read(ref _calls);

    public static async Task<OkSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OkSlackServer(app);
        app.MapPost("/api/{method}", (string method) =>
        {
            Interlocked.Increment(ref server._calls);
            var ts = $"1800000000.{Interlocked.Increment(ref server._ts):D6}";
            return Results.Json(new { ok = true, channel = "C0METRICS", ts, message = new { ts, text = "" } });
        });
        await app.StartAsync();
        server.ApiBaseUrl = app.Urls.First().TrimEnd('/') + "/api/";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
