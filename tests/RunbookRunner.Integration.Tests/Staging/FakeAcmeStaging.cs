using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.TestKit.Http;

namespace RunbookRunner.Integration.Tests.Staging;

/// <summary>
/// The staging side of Acme Platform that <c>runbooks/launch-day.yaml</c> talks to, on loopback: the app (admin
/// maintenance switch, health, version, catalog, login, checkout health), the feature-flag service, the metrics API the
/// guards poll, and Slack's <c>chat.postMessage</c> for announcements. Admin and flag calls need their bearer tokens.
/// </summary>
internal sealed class FakeAcmeStaging : IAsyncDisposable
{
    private FakeAcmeStaging(LoopbackServer server, string adminToken, string flagsToken)
    {
        Server = server;
        AdminToken = adminToken;
        FlagsToken = flagsToken;
    }

    public LoopbackServer Server { get; }

    public string AdminToken { get; }

    public string FlagsToken { get; }

    public Uri Url => Server.BaseUrl;

    /// <summary>Every value the maintenance switch was set to, in order.</summary>
    public ConcurrentQueue<bool> MaintenanceChanges { get; } = new();

    /// <summary>Every body PUT to the storefront-v2 flag, in order.</summary>
    public ConcurrentQueue<string> FlagChanges { get; } = new();

    /// <summary>Channel and text of every Slack message posted.</summary>
    public ConcurrentQueue<(string Channel, string Text)> SlackMessages { get; } = new();

    /// <summary>False makes the public checkout health answer 503 (a broken launch).</summary>
    public volatile bool CheckoutHealthy = true;

    public static async Task<FakeAcmeStaging> StartAsync(string adminToken, string flagsToken)
    {
        FakeAcmeStaging? fake = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/admin/maintenance", async (HttpRequest r) =>
            {
                if (r.Headers.Authorization != "Bearer " + adminToken)
                {
                    return Results.StatusCode(401);
                }

                var body = (await JsonNode.ParseAsync(r.Body))!;
                fake!.MaintenanceChanges.Enqueue(body["enabled"]!.GetValue<bool>());
                return Results.Ok(new { maintenance = body["enabled"]!.GetValue<bool>() });
            });
            app.MapPut("/api/flags/storefront-v2", async (HttpRequest r) =>
            {
                if (r.Headers.Authorization != "Bearer " + flagsToken)
                {
                    return Results.StatusCode(401);
                }

                using var reader = new StreamReader(r.Body);
                fake!.FlagChanges.Enqueue(await reader.ReadToEndAsync());
                return Results.NoContent();
            });
            app.MapGet("/", () => Results.Text("<html><title>Acme</title></html>", "text/html"));
            app.MapGet("/healthz", () => Results.Ok("ok"));
            app.MapGet("/login", () => Results.Text("<form>Sign in</form>", "text/html"));
            app.MapGet("/api/version", () => Results.Ok(new { version = "v2.0.0" }));
            app.MapGet("/api/catalog", () => Results.Ok(new[] { new { sku = "A-1" } }));
            app.MapGet("/api/checkout/health", () => fake!.CheckoutHealthy ? Results.Ok("ok") : Results.StatusCode(503));
            app.MapGet("/api/slo/checkout", () => Results.Ok(new { status = "ok" }));
            app.MapGet("/api/slo/error-rate", () => Results.Ok(new { value = 0.001 }));
            app.MapGet("/api/slo/latency", () => Results.Ok(new { p95_ms = 240 }));
            app.MapPost("/slack/api/chat.postMessage", async (HttpRequest r) =>
            {
                var body = (await JsonNode.ParseAsync(r.Body))!;
                var channel = body["channel"]!.GetValue<string>();
                fake!.SlackMessages.Enqueue((channel, body["text"]?.GetValue<string>() ?? ""));
                return Results.Json(new { ok = true, channel, ts = $"1700000000.{fake.SlackMessages.Count:000000}" });
            });
        });
        fake = new FakeAcmeStaging(server, adminToken, flagsToken);
        return fake;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
