using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>
/// A fake Slack Web API on 127.0.0.1 (random port) for tests. Implements <c>chat.postMessage</c>,
/// <c>chat.update</c>, <c>chat.postEphemeral</c>, <c>reactions.add</c>, <c>views.open</c> and response
/// URLs; checks the bearer token and request shape like Slack (<c>not_authed</c>, <c>invalid_auth</c>,
/// <c>channel_not_found</c>, <c>no_text</c>, <c>invalid_blocks</c>, ...); records every call and message;
/// enforces rate limits with 429 + <c>Retry-After</c>; and fails on demand.
/// </summary>
/// <remarks>
/// Self-contained (ASP.NET Core and System.Text.Json only) so it can move to the shared test kit.
/// Stricter than Slack in two ways, to catch client bugs: only JSON bodies are accepted, and a
/// <c>thread_ts</c> must name a message of the same channel (<c>thread_not_found</c>).
/// </remarks>
public sealed class FakeSlackServer : IAsyncDisposable
{
    /// <summary>The bot token the fake accepts unless another is given.</summary>
    public const string DefaultBotToken = "xoxb-fake-0000-token";

    /// <summary>Methods <see cref="FailNext"/> applies to when given this instead of a method name.</summary>
    public const string AnyMethod = "*";

    private const string ResponseUrlMethod = "response_url";
    private const int MaxBlocksPerMessage = 50;
    private const int MaxBlocksPerModal = 100;
    private const int MaxResponseUrlUses = 5;
    private static readonly TimeSpan HangCap = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;
    private readonly Dictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly List<FakeSlackCall> _calls = [];
    private readonly List<FakeSlackMessage> _messages = [];
    private readonly List<FakeSlackMessage> _updates = [];
    private readonly List<FakeSlackMessage> _ephemerals = [];
    private readonly List<FakeSlackReaction> _reactions = [];
    private readonly List<FakeSlackView> _views = [];
    private readonly List<FakeSlackResponse> _responses = [];
    private readonly Dictionary<string, int> _responseUrlUses = new(StringComparer.Ordinal);
    private readonly List<(string Method, FakeSlackFailure Failure, int Remaining)> _failures = [];
    private readonly Dictionary<string, FakeSlackFailure> _channelFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimit> _rateLimits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _rateLimitLog = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private long _tsCounter;

    private FakeSlackServer(string botToken, TimeProvider timeProvider)
    {
        BotToken = botToken;
        _timeProvider = timeProvider;
        _startTimestamp = timeProvider.GetTimestamp();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/api/{method}", (HttpContext context) => HandleAsync(context, (string)context.Request.RouteValues["method"]!, isApi: true));
        _app.MapPost("/respond/{id}", (HttpContext context) => HandleAsync(context, ResponseUrlMethod, isApi: false));
    }

    /// <summary>The token requests must carry as <c>Authorization: Bearer</c>.</summary>
    public string BotToken { get; }

    /// <summary>Root URL of the server, ending in '/'.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What to configure as <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>Time since the server started, on the same clock as <see cref="FakeSlackCall.ReceivedAt"/>.</summary>
    public TimeSpan Elapsed => _timeProvider.GetElapsedTime(_startTimestamp);

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<FakeSlackCall> Calls => Snapshot(() => _calls.OrderBy(c => c.ReceivedAt).ToList());

    /// <summary>Posted (non-ephemeral) messages in posting order, as they are now (after updates).</summary>
    public IReadOnlyList<FakeSlackMessage> Messages => Snapshot(() => _messages.ToList());

    /// <summary>Every accepted <c>chat.update</c>, in order, with the content it set.</summary>
    public IReadOnlyList<FakeSlackMessage> Updates => Snapshot(() => _updates.ToList());

    /// <summary>Ephemeral messages, in order.</summary>
    public IReadOnlyList<FakeSlackMessage> Ephemerals => Snapshot(() => _ephemerals.ToList());

    public IReadOnlyList<FakeSlackReaction> Reactions => Snapshot(() => _reactions.ToList());

    public IReadOnlyList<FakeSlackView> Views => Snapshot(() => _views.ToList());

    /// <summary>Bodies posted to response URLs, in order.</summary>
    public IReadOnlyList<FakeSlackResponse> Responses => Snapshot(() => _responses.ToList());

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeSlackServer> StartAsync(string botToken = DefaultBotToken, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeSlackServer(botToken, timeProvider ?? TimeProvider.System);
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Makes a channel known. Unknown channels get <c>channel_not_found</c>.</summary>
    public FakeSlackServer AddChannel(string id, bool botIsMember = true, bool archived = false)
    {
        lock (_lock)
        {
            _channels[id] = new ChannelState(botIsMember, archived);
        }

        return this;
    }

    /// <summary>A new response URL on this server (valid for 5 uses, like Slack's).</summary>
    public string CreateResponseUrl()
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            _responseUrlUses[id] = 0;
        }

        return new Uri(BaseUrl, "respond/" + id).ToString();
    }

    /// <summary>
    /// Serves <paramref name="failure"/> for the next <paramref name="times"/> calls to <paramref name="method"/>
    /// (<see cref="AnyMethod"/> for all, <c>response_url</c> for response URLs; <see cref="int.MaxValue"/> for an outage).
    /// </summary>
    public void FailNext(string method, FakeSlackFailure failure, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_lock)
        {
            _failures.Add((method, failure, times));
        }
    }

    /// <summary>Ends every outage and pending failure.</summary>
    public void ClearFailures()
    {
        lock (_lock)
        {
            _failures.Clear();
            _channelFailures.Clear();
        }
    }

    /// <summary>
    /// Serves <paramref name="failure"/> to every API call that names <paramref name="channel"/> (e.g. a war room Slack
    /// keeps rate-limiting) until <see cref="ClearFailures"/>; other channels are served normally.
    /// </summary>
    public void FailChannel(string channel, FakeSlackFailure failure)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(failure);
        lock (_lock)
        {
            _channelFailures[channel] = failure;
        }
    }

    /// <summary>
    /// Allows <paramref name="maxCalls"/> calls of <paramref name="method"/> per sliding <paramref name="window"/>
    /// (per channel when <paramref name="perChannel"/>); beyond that answers 429 with <c>Retry-After</c>.
    /// </summary>
    public void SetRateLimit(string method, int maxCalls, TimeSpan window, int retryAfterSeconds = 1, bool perChannel = false)
    {
        lock (_lock)
        {
            _rateLimits[method] = new RateLimit(maxCalls, window, retryAfterSeconds, perChannel);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever a request completes.</summary>
    public async Task WaitUntilAsync(Func<FakeSlackServer, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The fake Slack did not reach the expected state within {timeout}; {Calls.Count} calls received.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private T Snapshot<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private async Task HandleAsync(HttpContext context, string method, bool isApi)
    {
        var receivedAt = _timeProvider.GetElapsedTime(_startTimestamp);
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Left null: validation below answers invalid_json where it matters.
        }

        var outcome = await DecideAsync(context, method, isApi, json, context.RequestAborted);
        lock (_lock)
        {
            _calls.Add(new FakeSlackCall(method, receivedAt, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, request.ContentType, body, json, outcome.StatusCode, outcome.Error));
            _changed.TrySetResult();
            _changed = NewSignal();
        }

        if (outcome.StatusCode == 0)
        {
            return; // The client went away while we hung.
        }

        context.Response.StatusCode = outcome.StatusCode;
        if (outcome.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = outcome.ContentType;
        await context.Response.WriteAsync(outcome.Body, context.RequestAborted);
    }

    private async Task<Outcome> DecideAsync(HttpContext context, string method, bool isApi, JsonElement? json, CancellationToken aborted)
    {
        var failure = TakeFailure(method) ?? ChannelFailure(json);
        if (failure is not null)
        {
            switch (failure.Kind)
            {
                case FakeSlackFailureKind.Hang:
                    try
                    {
                        await Task.Delay(HangCap, aborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return new Outcome(0, "", "text/plain", "client_gone");
                    }

                    return Outcome.Text(504, "gateway timeout", "http_504");
                case FakeSlackFailureKind.HttpStatus:
                    return Outcome.Text(failure.StatusCode, "<html>upstream error</html>", $"http_{failure.StatusCode}");
                case FakeSlackFailureKind.RateLimited:
                    return Outcome.SlackError("ratelimited", 429, failure.RetryAfterSeconds);
                case FakeSlackFailureKind.SlackError:
                    return Outcome.SlackError(failure.Error ?? "internal_error");
                case FakeSlackFailureKind.Garbage:
                    return Outcome.Text(200, "this is not json", "garbage");
            }
        }

        if (!isApi)
        {
            return HandleResponseUrl(context, json);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return Outcome.SlackError("not_authed");
        }

        if (authorization != "Bearer " + BotToken)
        {
            return Outcome.SlackError("invalid_auth");
        }

        if (!IsJson(context.Request.ContentType))
        {
            return Outcome.SlackError("invalid_post_type");
        }

        if (json is null)
        {
            return Outcome.SlackError("invalid_json");
        }

        if (json.Value.ValueKind != JsonValueKind.Object)
        {
            return Outcome.SlackError("json_not_object");
        }

        if (CheckRateLimit(method, json.Value) is { } limited)
        {
            return limited;
        }

        lock (_lock)
        {
            return method switch
            {
                "chat.postMessage" => PostMessage(json.Value, ephemeral: false),
                "chat.postEphemeral" => PostMessage(json.Value, ephemeral: true),
                "chat.update" => Update(json.Value),
                "reactions.add" => AddReaction(json.Value),
                "views.open" => OpenView(json.Value),
                _ => Outcome.SlackError("unknown_method"),
            };
        }
    }

    private FakeSlackFailure? TakeFailure(string method)
    {
        lock (_lock)
        {
            var index = _failures.FindIndex(f => f.Method == method || f.Method == AnyMethod);
            if (index < 0)
            {
                return null;
            }

            var (m, failure, remaining) = _failures[index];
            if (remaining == 1)
            {
                _failures.RemoveAt(index);
            }
            else if (remaining != int.MaxValue)
            {
                _failures[index] = (m, failure, remaining - 1);
            }

            return failure;
        }
    }

    private FakeSlackFailure? ChannelFailure(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } body || GetString(body, "channel") is not { } channel)
        {
            return null;
        }

        lock (_lock)
        {
            return _channelFailures.GetValueOrDefault(channel);
        }
    }

    private Outcome? CheckRateLimit(string method, JsonElement json)
    {
        lock (_lock)
        {
            if (!_rateLimits.TryGetValue(method, out var limit))
            {
                return null;
            }

            var key = limit.PerChannel ? method + "|" + GetString(json, "channel") : method;
            if (!_rateLimitLog.TryGetValue(key, out var log))
            {
                _rateLimitLog[key] = log = new Queue<long>();
            }

            var now = _timeProvider.GetTimestamp();
            while (log.Count > 0 && _timeProvider.GetElapsedTime(log.Peek(), now) >= limit.Window)
            {
                log.Dequeue();
            }

            if (log.Count >= limit.MaxCalls)
            {
                return Outcome.SlackError("ratelimited", 429, limit.RetryAfterSeconds);
            }

            log.Enqueue(now);
            return null;
        }
    }

    private Outcome PostMessage(JsonElement json, bool ephemeral)
    {
        var channel = GetString(json, "channel");
        if (CheckChannel(channel) is { } channelError)
        {
            return channelError;
        }

        if (CheckContent(json, MaxBlocksPerMessage) is { } contentError)
        {
            return contentError;
        }

        var threadTs = GetString(json, "thread_ts");
        if (threadTs is not null && !_messages.Any(m => m.Channel == channel && m.Ts == threadTs))
        {
            return Outcome.SlackError("thread_not_found");
        }

        var ts = NextTs();
        var blocks = json.TryGetProperty("blocks", out var b) ? b.Clone() : (JsonElement?)null;
        if (ephemeral)
        {
            var user = GetString(json, "user");
            if (string.IsNullOrEmpty(user))
            {
                return Outcome.SlackError("user_not_found");
            }

            _ephemerals.Add(new FakeSlackMessage(channel!, ts, threadTs, GetString(json, "text"), blocks, user));
            return Outcome.Ok(new { ok = true, message_ts = ts });
        }

        _messages.Add(new FakeSlackMessage(channel!, ts, threadTs, GetString(json, "text"), blocks));
        return Outcome.Ok(new { ok = true, channel, ts, message = new { type = "message", ts, thread_ts = threadTs, text = GetString(json, "text") } });
    }

    private Outcome Update(JsonElement json)
    {
        var channel = GetString(json, "channel");
        if (CheckChannel(channel) is { } channelError)
        {
            return channelError;
        }

        var ts = GetString(json, "ts");
        var index = _messages.FindIndex(m => m.Channel == channel && m.Ts == ts);
        if (index < 0)
        {
            return Outcome.SlackError("message_not_found");
        }

        if (CheckContent(json, MaxBlocksPerMessage) is { } contentError)
        {
            return contentError;
        }

        var current = _messages[index];
        var blocks = json.TryGetProperty("blocks", out var b) ? b.Clone() : current.Blocks;
        var updated = current with { Text = GetString(json, "text") ?? current.Text, Blocks = blocks, UpdateCount = current.UpdateCount + 1 };
        _messages[index] = updated;
        _updates.Add(updated);
        return Outcome.Ok(new { ok = true, channel, ts, text = updated.Text });
    }

    private Outcome AddReaction(JsonElement json)
    {
        var channel = GetString(json, "channel");
        if (CheckChannel(channel) is { } channelError)
        {
            return channelError;
        }

        var ts = GetString(json, "timestamp");
        if (!_messages.Any(m => m.Channel == channel && m.Ts == ts))
        {
            return Outcome.SlackError("message_not_found");
        }

        var name = GetString(json, "name");
        if (string.IsNullOrEmpty(name) || name.Contains(':', StringComparison.Ordinal))
        {
            return Outcome.SlackError("invalid_name");
        }

        if (_reactions.Contains(new FakeSlackReaction(channel!, ts!, name)))
        {
            return Outcome.SlackError("already_reacted");
        }

        _reactions.Add(new FakeSlackReaction(channel!, ts!, name));
        return Outcome.Ok(new { ok = true });
    }

    private Outcome OpenView(JsonElement json)
    {
        var triggerId = GetString(json, "trigger_id");
        if (string.IsNullOrEmpty(triggerId))
        {
            return Outcome.SlackError("invalid_arguments");
        }

        if (!json.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object
            || GetString(view, "type") != "modal" || !view.TryGetProperty("title", out _)
            || !view.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array
            || blocks.GetArrayLength() > MaxBlocksPerModal || !blocks.EnumerateArray().All(IsBlock))
        {
            return Outcome.SlackError("invalid_arguments");
        }

        var id = "V" + NextTs().Replace(".", "", StringComparison.Ordinal);
        _views.Add(new FakeSlackView(id, triggerId, view.Clone()));
        return Outcome.Ok(new { ok = true, view = new { id, type = "modal" } });
    }

    private Outcome HandleResponseUrl(HttpContext context, JsonElement? json)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        lock (_lock)
        {
            if (!_responseUrlUses.TryGetValue(id, out var uses))
            {
                return Outcome.Text(404, "expired_url", "expired_url");
            }

            if (uses >= MaxResponseUrlUses)
            {
                return Outcome.Text(404, "used_url", "used_url");
            }

            if (!IsJson(context.Request.ContentType) || json is not { ValueKind: JsonValueKind.Object } body)
            {
                return Outcome.Text(400, "invalid_payload", "invalid_payload");
            }

            if (CheckContent(body, MaxBlocksPerMessage) is { } contentError)
            {
                return Outcome.Text(400, contentError.Error!, contentError.Error);
            }

            _responseUrlUses[id] = uses + 1;
            _responses.Add(new FakeSlackResponse(new Uri(BaseUrl, "respond/" + id).ToString(), body.Clone()));
            return Outcome.Text(200, "ok", null);
        }
    }

    private Outcome? CheckChannel(string? channel)
    {
        if (string.IsNullOrEmpty(channel) || !_channels.TryGetValue(channel, out var state))
        {
            return Outcome.SlackError("channel_not_found");
        }

        if (state.Archived)
        {
            return Outcome.SlackError("is_archived");
        }

        return state.BotIsMember ? null : Outcome.SlackError("not_in_channel");
    }

    private static Outcome? CheckContent(JsonElement json, int maxBlocks)
    {
        var hasBlocks = false;
        if (json.TryGetProperty("blocks", out var blocks) && blocks.ValueKind != JsonValueKind.Null)
        {
            if (blocks.ValueKind != JsonValueKind.Array || blocks.GetArrayLength() > maxBlocks || !blocks.EnumerateArray().All(IsBlock))
            {
                return Outcome.SlackError("invalid_blocks");
            }

            hasBlocks = blocks.GetArrayLength() > 0;
        }

        var text = json.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return string.IsNullOrEmpty(text) && !hasBlocks ? Outcome.SlackError("no_text") : null;
    }

    private static bool IsBlock(JsonElement block) =>
        block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String;

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static string? GetString(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string NextTs()
    {
        var n = ++_tsCounter;
        return string.Create(CultureInfo.InvariantCulture, $"{1_700_000_000 + n}.{n:D6}");
    }

    private sealed record ChannelState(bool BotIsMember, bool Archived);

    private sealed record RateLimit(int MaxCalls, TimeSpan Window, int RetryAfterSeconds, bool PerChannel);

    private sealed record Outcome(int StatusCode, string Body, string ContentType, string? Error, int? RetryAfterSeconds = null)
    {
        public static Outcome Ok(object body) => new(200, JsonSerializer.Serialize(body), "application/json; charset=utf-8", null);

        public static Outcome SlackError(string error, int statusCode = 200, int? retryAfterSeconds = null) =>
            new(statusCode, JsonSerializer.Serialize(new { ok = false, error }), "application/json; charset=utf-8", error, retryAfterSeconds);

        public static Outcome Text(int statusCode, string body, string? error) => new(statusCode, body, "text/plain; charset=utf-8", error);
    }
}
