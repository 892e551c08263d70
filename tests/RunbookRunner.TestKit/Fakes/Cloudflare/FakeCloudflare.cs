using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.TestKit.Http;

namespace RunbookRunner.TestKit.Fakes.Cloudflare;

/// <summary>
/// A Cloudflare API v4 stand-in on loopback: one zone, DNS records (list by type + name.exact, create, edit),
/// bearer-token auth and the {success, errors, messages, result} envelope, with a switch to answer 429. It also
/// answers DNS-over-HTTPS JSON queries (<see cref="DnsOverHttpsUrl"/>) from the same records, so a check of
/// propagation sees exactly what the API changed.
/// </summary>
public sealed class FakeCloudflare : IAsyncDisposable
{
    public const string Token = "cf-test-token";
    public const string ZoneId = "023e105f4ecef8ad9ca31a8372d0c353";

    private int _nextId = 1;

    private static readonly Dictionary<string, int> DnsTypes = new(StringComparer.Ordinal) { ["A"] = 1, ["CNAME"] = 5, ["TXT"] = 16, ["AAAA"] = 28 };

    private FakeCloudflare(LoopbackServer server, string zone)
    {
        Server = server;
        Zone = zone;
    }

    /// <summary>The name of the one zone this account holds.</summary>
    public string Zone { get; }

    public LoopbackServer Server { get; }

    public Uri ApiBaseUrl => Server.Url("client/v4/");

    /// <summary>A DNS-over-HTTPS JSON resolver answering from <see cref="Records"/>.</summary>
    public Uri DnsOverHttpsUrl => Server.Url("dns-query");

    public ConcurrentDictionary<string, JsonObject> Records { get; } = new();

    private volatile bool _rateLimited;

    /// <summary>True makes every API call answer 429.</summary>
    public bool RateLimited
    {
        get => _rateLimited;
        set => _rateLimited = value;
    }

    public static async Task<FakeCloudflare> StartAsync(string zone = "example.com")
    {
        FakeCloudflare? fake = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            var api = app.MapGroup("/client/v4").AddEndpointFilter(async (ctx, next) =>
            {
                if (fake!.RateLimited)
                {
                    return Envelope(null, 429, (971, "Please wait and consider throttling your request speed"));
                }

                return ctx.HttpContext.Request.Headers.Authorization.ToString() == "Bearer " + Token
                    ? await next(ctx)
                    : Envelope(null, 403, (10000, "Authentication error"));
            });
            app.MapGet("/dns-query", (string name, string type) => fake!.Resolve(name.TrimEnd('.'), type));
            api.MapGet("/zones", (string? name) => Envelope(name == zone
                ? new JsonArray(new JsonObject { ["id"] = ZoneId, ["name"] = zone, ["status"] = "active" })
                : new JsonArray()));
            api.MapGet("/zones/{id}", (string id) => id == ZoneId
                ? Envelope(new JsonObject { ["id"] = ZoneId, ["name"] = zone })
                : Envelope(null, 404, (7003, "Could not route to /zones/" + id)));
            api.MapGet("/zones/{id}/dns_records", (string id, HttpRequest r) =>
            {
                var type = r.Query["type"].ToString();
                var name = r.Query["name.exact"].ToString();
                return Envelope(new JsonArray(fake!.Records.Values
                    .Where(x => (type.Length == 0 || x["type"]!.GetValue<string>() == type) && (name.Length == 0 || x["name"]!.GetValue<string>() == name))
                    .Select(x => x.DeepClone()).ToArray()));
            });
            api.MapPost("/zones/{id}/dns_records", async (string id, HttpRequest r) =>
            {
                var body = (await JsonNode.ParseAsync(r.Body))!.AsObject();
                var record = new JsonObject
                {
                    ["id"] = "rec" + Interlocked.Increment(ref fake!._nextId),
                    ["type"] = body["type"]!.GetValue<string>(),
                    ["name"] = body["name"]!.GetValue<string>(),
                    ["content"] = body["content"]!.GetValue<string>(),
                    ["ttl"] = body["ttl"]?.GetValue<int>() ?? 1,
                    ["proxied"] = body["proxied"]?.GetValue<bool>() ?? false,
                    ["zone_id"] = id,
                };
                fake.Records[record["id"]!.GetValue<string>()] = record;
                return Envelope(record.DeepClone());
            });
            api.MapPatch("/zones/{id}/dns_records/{recordId}", async (string id, string recordId, HttpRequest r) =>
            {
                if (!fake!.Records.TryGetValue(recordId, out var record))
                {
                    return Envelope(null, 404, (81044, "Record does not exist."));
                }

                var body = (await JsonNode.ParseAsync(r.Body))!.AsObject();
                foreach (var (key, value) in body)
                {
                    record[key] = value?.DeepClone();
                }

                return Envelope(record.DeepClone());
            });
        });
        fake = new FakeCloudflare(server, zone);
        return fake;
    }

    public JsonObject Add(string type, string name, string content, int ttl = 300, bool proxied = false)
    {
        var id = "rec" + Interlocked.Increment(ref _nextId);
        var record = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = name, ["content"] = content, ["ttl"] = ttl, ["proxied"] = proxied, ["zone_id"] = ZoneId };
        Records[id] = record;
        return record;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private IResult Resolve(string name, string type)
    {
        var answers = new JsonArray(Records.Values
            .Where(r => r["name"]!.GetValue<string>() == name && r["type"]!.GetValue<string>() == type && DnsTypes.ContainsKey(type))
            .Select(r => (JsonNode)new JsonObject
            {
                ["name"] = name + ".",
                ["type"] = DnsTypes[type],
                ["TTL"] = r["ttl"]!.GetValue<int>(),
                ["data"] = type == "TXT" ? $"\"{r["content"]!.GetValue<string>()}\"" : r["content"]!.GetValue<string>(),
            })
            .ToArray());
        var known = Records.Values.Any(r => r["name"]!.GetValue<string>() == name);
        var body = new JsonObject { ["Status"] = known ? 0 : 3, ["Answer"] = answers };
        return Results.Text(body.ToJsonString(), "application/dns-json");
    }

    private static IResult Envelope(JsonNode? result, int status = 200, (int Code, string Message)? error = null)
    {
        var errors = new JsonArray();
        if (error is { } e)
        {
            errors.Add(new JsonObject { ["code"] = e.Code, ["message"] = e.Message });
        }

        var body = new JsonObject { ["success"] = error is null, ["errors"] = errors, ["messages"] = new JsonArray(), ["result"] = result };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: status);
    }
}
