using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Slack.Api.Requests;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.RateLimiting;

namespace RunbookRunner.Slack.Api;

/// <summary>
/// <see cref="ISlackClient"/> over HTTP: JSON bodies, bearer token, <c>ok</c> always checked.
/// Each call waits for its method's <c>Retry-After</c> (<see cref="SlackMethodGate"/>; for <c>chat.postMessage</c>/
/// <c>chat.update</c> the method's in that channel, as Slack limits those per channel) and, for those two, for its channel's
/// pace (<see cref="SlackChannelPacer"/>), so a rate-limited war room holds up no other channel;
/// retryable failures are tried again up to <see cref="SlackOptions.MaxAttempts"/> times with exponential back-off.
/// </summary>
public sealed class SlackWebApiClient : ISlackClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly HttpClient _httpClient;
    private readonly SlackOptions _options;
    private readonly Uri _apiBaseUrl;
    private readonly SlackChannelPacer _pacer;
    private readonly SlackMethodGate _methodGate;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SlackWebApiClient> _logger;

    public SlackWebApiClient(
        HttpClient httpClient,
        IOptions<SlackOptions> options,
        SlackChannelPacer pacer,
        SlackMethodGate methodGate,
        TimeProvider timeProvider,
        ILogger<SlackWebApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pacer);
        ArgumentNullException.ThrowIfNull(methodGate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        _options = options.Value;
        _pacer = pacer;
        _methodGate = methodGate;
        _timeProvider = timeProvider;
        _logger = logger;

        // Without the trailing slash, "https://host/api" + "chat.update" would resolve to "https://host/chat.update".
        var baseUrl = _options.ApiBaseUrl.ToString();
        _apiBaseUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
    }

    /// <inheritdoc />
    public Task<SlackPostedMessage> PostMessageAsync(string channel, string text, IReadOnlyList<Block>? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(text);
        var body = new ChatPostMessageRequest(channel, SlackText.Truncate(text, SlackLimits.MessageText), EmptyToNull(blocks), EmptyToNull(threadTs));
        return CallApiAsync(SlackMethods.ChatPostMessage, channel, body, ReadPostedMessage, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SlackPostedMessage> UpdateMessageAsync(string channel, string ts, string text, IReadOnlyList<Block>? blocks = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        ArgumentNullException.ThrowIfNull(text);
        var body = new ChatUpdateRequest(channel, ts, SlackText.Truncate(text, SlackLimits.MessageText), EmptyToNull(blocks));
        return CallApiAsync(SlackMethods.ChatUpdate, channel, body, ReadPostedMessage, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> PostEphemeralAsync(string channel, string user, string text, IReadOnlyList<Block>? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(text);
        var body = new ChatPostEphemeralRequest(channel, user, SlackText.Truncate(text, SlackLimits.MessageText), EmptyToNull(blocks), EmptyToNull(threadTs));
        return CallApiAsync(SlackMethods.ChatPostEphemeral, null, body, root => RequireString(SlackMethods.ChatPostEphemeral, root, "message_ts"), cancellationToken);
    }

    /// <inheritdoc />
    public async Task AddReactionAsync(string channel, string ts, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var body = new ReactionsAddRequest(channel, ts, name.Trim(':'));
        try
        {
            await CallApiAsync(SlackMethods.ReactionsAdd, null, body, static _ => true, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackInvalidRequestException ex) when (ex.Error == SlackErrorCodes.AlreadyReacted)
        {
            // The reaction we wanted is there: a retried outbox entry must not fail on its own earlier success.
        }
    }

    /// <inheritdoc />
    public Task<string> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        return CallApiAsync(SlackMethods.ViewsOpen, null, new ViewsOpenRequest(triggerId, view), ReadViewId, cancellationToken);
    }

    /// <inheritdoc />
    public Task RespondAsync(string responseUrl, SlackResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseUrl);
        ArgumentNullException.ThrowIfNull(response);
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{responseUrl}' is not an absolute http(s) URL; pass the response_url from the interaction payload.", nameof(responseUrl));
        }

        var body = new ResponseUrlRequest(
            response.Message.Text,
            response.Message.Blocks,
            response.ResponseType == SlackResponseType.InChannel ? "in_channel" : "ephemeral",
            response.ReplaceOriginal ? true : null,
            response.DeleteOriginal ? true : null,
            EmptyToNull(response.ThreadTs));
        var bytes = SlackJson.SerializeToUtf8Bytes(body);
        return ExecuteWithRetriesAsync(SlackMethods.ResponseUrl, null, ct => SendToResponseUrlAsync(url, bytes, ct), cancellationToken);
    }

    private Task<TResult> CallApiAsync<TRequest, TResult>(string method, string? paceChannel, TRequest body, Func<JsonElement, TResult> read, CancellationToken cancellationToken)
    {
        var bytes = SlackJson.SerializeToUtf8Bytes(body);
        var url = new Uri(_apiBaseUrl, method);
        var gateKey = GateKey(method, paceChannel);
        return ExecuteWithRetriesAsync(method, paceChannel, ct => SendToApiAsync(method, gateKey, url, bytes, read, ct), cancellationToken);
    }

    private async Task<TResult> ExecuteWithRetriesAsync<TResult>(string method, string? paceChannel, Func<CancellationToken, Task<TResult>> attempt, CancellationToken cancellationToken)
    {
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            await _methodGate.WaitAsync(GateKey(method, paceChannel), cancellationToken).ConfigureAwait(false);
            if (paceChannel is not null)
            {
                await _pacer.WaitAsync(paceChannel, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (ShouldRetry(ex, attemptNumber))
            {
                // A rate limit already blocked the method in the gate; the next loop waits it out there.
                var delay = ex.RetryAfter is null ? GetBackoff(attemptNumber) : TimeSpan.Zero;
                _logger.LogWarning(
                    "Slack {Method} failed with {Error} (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}.",
                    method, ex.Error, attemptNumber, _options.MaxAttempts, ex.RetryAfter ?? delay);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private bool ShouldRetry(SlackApiException exception, int attemptNumber) =>
        exception.IsRetryable
        && attemptNumber < _options.MaxAttempts
        && (exception.RetryAfter is null || exception.RetryAfter <= _options.MaxRetryAfter);

    private TimeSpan GetBackoff(int attemptNumber)
    {
        var exponential = _options.RetryBaseDelay.Ticks * Math.Pow(2, attemptNumber - 1);
        var capped = Math.Min(exponential, _options.MaxRetryDelay.Ticks);

        // Jitter in [75 %, 100 %] so clients that failed together do not retry together.
        var factor = 0.75 + (RandomNumberGenerator.GetInt32(0, 1001) / 4000.0);
        return TimeSpan.FromTicks((long)(capped * factor));
    }

    /// <summary>What a 429 blocks: the method, in one channel for the per-channel methods (chat.postMessage, chat.update).</summary>
    private static string GateKey(string method, string? paceChannel) => paceChannel is null ? method : $"{method} {paceChannel}";

    private async Task<TResult> SendToApiAsync<TResult>(string method, string gateKey, Uri url, byte[] body, Func<JsonElement, TResult> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = CreateJsonContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
        var response = await SendAsync(method, request, cancellationToken).ConfigureAwait(false);

        ThrowOnTransportStatus(method, gateKey, response);
        using var document = ParseJsonOrNull(response.Body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            if (response.StatusCode is < 200 or > 299)
            {
                throw new SlackApiException(method, $"http_{response.StatusCode}", isRetryable: false, "the response was not Slack JSON", response.StatusCode);
            }

            throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, isRetryable: false, "the response was not a JSON object", response.StatusCode);
        }

        var root = document.RootElement;
        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, isRetryable: false, "the response has no boolean 'ok'", response.StatusCode);
        }

        if (ok.ValueKind == JsonValueKind.False || response.StatusCode is < 200 or > 299)
        {
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : $"http_{response.StatusCode}";
            throw CreateError(method, gateKey, error, DescribeError(root), response);
        }

        return read(root);
    }

    private async Task<bool> SendToResponseUrlAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        const string method = SlackMethods.ResponseUrl;

        // No Authorization header: the URL itself is the credential, and the bot token must not leave for a URL taken from a payload.
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = CreateJsonContent(body) };
        var response = await SendAsync(method, request, cancellationToken).ConfigureAwait(false);

        ThrowOnTransportStatus(method, method, response);
        using var document = ParseJsonOrNull(response.Body);
        var root = document?.RootElement;
        string? error = null;
        if (root is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
        {
            error = obj.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            error ??= $"http_{response.StatusCode}";
        }
        else if (response.StatusCode is < 200 or > 299)
        {
            // Response URLs answer errors as plain text such as "expired_url" or "used_url".
            var text = Encoding.UTF8.GetString(response.Body).Trim();
            error = text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterLower(c) || c == '_') ? text : $"http_{response.StatusCode}";
        }

        if (error is not null)
        {
            throw CreateError(method, method, error, root is { ValueKind: JsonValueKind.Object } r ? DescribeError(r) : null, response);
        }

        return true;
    }

    private SlackApiException CreateError(string method, string gateKey, string error, string? detail, RawResponse response)
    {
        if (error == SlackErrorCodes.RateLimited)
        {
            var retryAfter = response.RetryAfter ?? DefaultRetryAfter;
            _methodGate.Block(gateKey, retryAfter);
            return new SlackRateLimitedException(method, retryAfter, response.StatusCode);
        }

        return SlackErrorClassifier.FromError(method, error, detail, response.StatusCode);
    }

    private void ThrowOnTransportStatus(string method, string gateKey, RawResponse response)
    {
        if (response.StatusCode == 429)
        {
            var retryAfter = response.RetryAfter ?? DefaultRetryAfter;
            _methodGate.Block(gateKey, retryAfter);
            throw new SlackRateLimitedException(method, retryAfter, response.StatusCode);
        }

        if (response.StatusCode >= 500)
        {
            throw new SlackTransientException(method, $"http_{response.StatusCode}", "Slack answered with a server error", response.StatusCode);
        }
    }

    private async Task<RawResponse> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new RawResponse((int)response.StatusCode, GetRetryAfter(response), body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SlackTransientException(method, SlackErrorCodes.Timeout, $"no complete answer within {_options.RequestTimeout}", innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SlackTransientException(method, SlackErrorCodes.NetworkError, ex.Message, innerException: ex);
        }
        catch (IOException ex)
        {
            throw new SlackTransientException(method, SlackErrorCodes.NetworkError, ex.Message, innerException: ex);
        }
    }

    private TimeSpan? GetRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static ByteArrayContent CreateJsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    private static JsonDocument? ParseJsonOrNull(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, a response URL's plain "ok"): the caller decides from the status.
            return null;
        }
    }

    private static string? DescribeError(JsonElement root)
    {
        var parts = new List<string>();
        if (root.TryGetProperty("needed", out var needed) && needed.ValueKind == JsonValueKind.String)
        {
            parts.Add($"needed scope: {needed.GetString()}");
        }

        if (root.TryGetProperty("response_metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            parts.AddRange(messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static SlackPostedMessage ReadPostedMessage(JsonElement root) =>
        new(RequireString(SlackMethods.ChatPostMessage, root, "channel"), RequireString(SlackMethods.ChatPostMessage, root, "ts"));

    private static string ReadViewId(JsonElement root)
    {
        if (root.TryGetProperty("view", out var view) && view.ValueKind == JsonValueKind.Object)
        {
            return RequireString(SlackMethods.ViewsOpen, view, "id");
        }

        throw new SlackApiException(SlackMethods.ViewsOpen, SlackErrorCodes.InvalidResponse, isRetryable: false, "the response has no 'view'");
    }

    private static string RequireString(string method, JsonElement obj, string property)
    {
        if (obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, isRetryable: false, $"the response has no '{property}'");
    }

    private static IReadOnlyList<Block>? EmptyToNull(IReadOnlyList<Block>? blocks) => blocks is { Count: > 0 } ? blocks : null;

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private readonly record struct RawResponse(int StatusCode, TimeSpan? RetryAfter, byte[] Body);
}
