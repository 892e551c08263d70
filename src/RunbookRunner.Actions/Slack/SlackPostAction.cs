using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Slack;

/// <summary>
/// <c>slack.post</c>: posts <c>text</c> (and optional Block Kit <c>blocks</c>) to <c>channel</c> with
/// <c>chat.postMessage</c> and the bot token from <c>Slack:BotToken</c>. Slack answers HTTP 200 with
/// <c>{"ok":false,"error":...}</c> on failure, so <c>ok</c> is always checked. Outputs: <c>ts</c>, <c>channel</c>.
/// </summary>
public sealed class SlackPostAction : StepAction
{
    // Errors that go away by themselves; the rest (channel_not_found, invalid_auth, ...) need a person.
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    };

    private readonly IHttpClientFactory _clients;
    private readonly ActionsOptions _options;

    public SlackPostAction(IHttpClientFactory clients, IOptions<ActionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("slack.post");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var body = Read(parameters);
        if (string.IsNullOrEmpty(_options.SlackBotToken))
        {
            return ActionResult.Failure("Slack:BotToken is not configured (set Slack__BotToken); slack.post cannot post", retryable: false);
        }

        var channel = body["channel"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.SlackApiBaseUrl, "chat.postMessage"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SlackBotToken);
        HttpResponseMessage response;
        try
        {
            response = await _clients.CreateClient(HttpClientNames.Slack).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Failure($"Slack unreachable: {ex.Message}", retryable: true);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var after = response.Headers.RetryAfter?.Delta is { } delta ? $" (retry after {delta.TotalSeconds:0}s)" : string.Empty;
                return ActionResult.Failure($"Slack rate limit hit posting to {channel}{after}", retryable: true);
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonNode? reply = null;
            try
            {
                reply = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Reported below as a malformed answer.
            }

            if (reply?["ok"] is JsonValue ok && ok.GetValueKind() == JsonValueKind.True)
            {
                var ts = reply["ts"]?.GetValue<string>() ?? string.Empty;
                var postedChannel = reply["channel"]?.GetValue<string>() ?? channel;
                context.Log.Write($"posted to {postedChannel} (ts {ts})");
                return ActionResult.Success($"posted to {postedChannel}", new Dictionary<string, string> { ["ts"] = ts, ["channel"] = postedChannel });
            }

            var error = reply?["error"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode} without a Slack answer";
            context.Log.Write($"error: chat.postMessage to {channel} failed: {error}");
            return ActionResult.Failure(
                $"chat.postMessage to {channel} failed: {error}",
                retryable: TransientErrors.Contains(error) || (int)response.StatusCode >= 500);
        }
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var body = Read(parameters);
        var channel = body["channel"]!.GetValue<string>();
        var blocks = body["blocks"] is JsonArray list ? $" with {list.Count} block(s)" : string.Empty;
        LogSimulated(context, $"would post to {channel}{blocks}: {body["text"]!.GetValue<string>()}");
        return Task.FromResult(ActionResult.Success(
            $"simulated: posted to {channel}",
            new Dictionary<string, string> { ["ts"] = "0000000000.000000", ["channel"] = channel }));
    }

    private static JsonObject Read(ParameterReader p)
    {
        var body = new JsonObject
        {
            ["channel"] = p.RequiredString("channel"),
            ["text"] = p.RequiredString("text"),
        };
        if (p.Raw("blocks") is { } blocks)
        {
            var node = ParamJson.ToNode(blocks);
            if (node is not JsonArray array || array.Count > 50)
            {
                throw new ActionParameterException("parameter 'blocks' must be a list of at most 50 Block Kit blocks");
            }

            body["blocks"] = node;
        }

        return body;
    }
}
