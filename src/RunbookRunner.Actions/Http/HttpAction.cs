using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Json;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Http;

/// <summary>
/// <c>http</c>: one request with an <c>Idempotency-Key</c> header; checks the status and optional JSON-path
/// expectations. Outputs: <c>status</c>, <c>body</c> (capped), <c>duration_ms</c>.
/// </summary>
public sealed class HttpAction : StepAction
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public HttpAction(IHttpClientFactory clients, IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _time = time;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("http");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var spec = HttpRequestSpec.Read(parameters);
        using var request = spec.ToRequest(context.IdempotencyKey);
        var client = _clients.CreateClient(HttpClientNames.Probe);
        context.Log.Write($"{spec.Method} {spec.Url}");
        HttpExchange exchange;
        try
        {
            exchange = await HttpExchange.SendAsync(client, request, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Failure($"{spec.Method} {spec.Url} failed: {ex.Message}", retryable: true);
        }

        context.Log.Write($"{spec.Method} {spec.Url} -> {exchange.Status} {exchange.ReasonPhrase} in {exchange.ElapsedMs} ms");
        var outputs = new Dictionary<string, string>
        {
            ["status"] = exchange.Status.ToString(CultureInfo.InvariantCulture),
            ["body"] = exchange.BodyForOutput(_options.MaxCapturedBodyChars),
            ["duration_ms"] = exchange.ElapsedMs.ToString(CultureInfo.InvariantCulture),
        };

        if (!spec.ExpectStatus.Accepts(exchange.Status))
        {
            var snippet = exchange.BodySnippet();
            context.Log.Write($"unexpected status {exchange.Status} (expected {spec.ExpectStatus}): {snippet}");
            var retryable = exchange.Status >= 500 || exchange.Status is 408 or 429;
            return ActionResult.Failure(
                $"{spec.Method} {spec.Url} returned {exchange.Status} (expected {spec.ExpectStatus})",
                retryable,
                outputs);
        }

        var failures = CheckJson(exchange, spec.ExpectJson);
        foreach (var failure in failures)
        {
            context.Log.Write("expectation failed: " + failure);
        }

        if (failures.Count > 0)
        {
            return ActionResult.Failure($"{spec.Method} {spec.Url}: {failures[0]}", retryable: true, outputs);
        }

        var checks = spec.ExpectJson.Count == 0 ? string.Empty : $", {spec.ExpectJson.Count} JSON expectation(s) met";
        return ActionResult.Success($"{spec.Method} {spec.Url} -> {exchange.Status}{checks}", outputs);
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var spec = HttpRequestSpec.Read(parameters);
        var body = spec.Json is not null ? " with a JSON body" : spec.Body is not null ? $" with a {spec.Body.Length}-character body" : string.Empty;
        LogSimulated(context, $"would send {spec.Method} {spec.Url}{body} ({IdempotencyHeader}: {context.IdempotencyKey})");
        LogSimulated(context, $"would expect status {spec.ExpectStatus}" + (spec.ExpectJson.Count > 0 ? $" and {string.Join(", ", spec.ExpectJson.Select(e => $"{e.Path} = {e.Expected}"))}" : string.Empty));
        return Task.FromResult(ActionResult.Success(
            $"simulated: {spec.Method} {spec.Url}",
            new Dictionary<string, string> { ["status"] = SimulatedStatus(spec.ExpectStatus), ["body"] = string.Empty, ["duration_ms"] = "0" }));
    }

    internal static string SimulatedStatus(StatusExpectation expectation) =>
        Enumerable.Range(100, 500).First(expectation.Accepts).ToString(CultureInfo.InvariantCulture);

    internal static List<string> CheckJson(HttpExchange exchange, IReadOnlyList<(JsonPath Path, ParamValue Expected)> expectations)
    {
        var failures = new List<string>();
        if (expectations.Count == 0)
        {
            return failures;
        }

        var json = exchange.ParseJson(out var parseError);
        if (parseError is not null)
        {
            failures.Add(parseError);
            return failures;
        }

        foreach (var (path, expected) in expectations)
        {
            if (!path.TryEvaluate(json, out var actual))
            {
                failures.Add($"{path} is missing from the response");
            }
            else if (!JsonExpectation.Matches(actual, expected))
            {
                failures.Add($"{path} is {JsonExpectation.Describe(actual)}, expected {JsonExpectation.Describe(ParamJson.ToNode(expected))}");
            }
        }

        return failures;
    }

    /// <summary>The parameters of an <c>http</c> step.</summary>
    internal sealed record HttpRequestSpec(
        HttpMethod Method,
        Uri Url,
        IReadOnlyList<KeyValuePair<string, string>> Headers,
        string? Json,
        string? Body,
        StatusExpectation ExpectStatus,
        IReadOnlyList<(JsonPath Path, ParamValue Expected)> ExpectJson)
    {
        public static HttpRequestSpec Read(ParameterReader p)
        {
            if (p.Has("json") && p.Has("body"))
            {
                throw new ActionParameterException("give either 'json' or 'body', not both");
            }

            var json = p.Has("json") ? ParamJson.ToNode(p.Raw("json"))?.ToJsonString() ?? "null" : null;
            var body = p.OptionalString("body");
            var method = p.OptionalString("method")?.Trim().ToUpperInvariant() ?? "GET";
            if (method.Length == 0 || !method.All(char.IsAsciiLetterUpper))
            {
                throw new ActionParameterException($"parameter 'method' is '{method}'; use GET, POST, PUT, PATCH, DELETE or HEAD");
            }

            var expectJson = new List<(JsonPath, ParamValue)>();
            if (p.OptionalMap("expect_json") is { } map)
            {
                foreach (var entry in map.Entries)
                {
                    if (!JsonPath.TryParse(entry.Key, out var path, out var error))
                    {
                        throw new ActionParameterException($"parameter 'expect_json': {error}");
                    }

                    expectJson.Add((path, entry.Value));
                }
            }

            return new HttpRequestSpec(
                new HttpMethod(method),
                ReadUrl(p, "url"),
                p.StringMap("headers"),
                json,
                body,
                StatusExpectation.Read(p, "expect_status"),
                expectJson);
        }

        public HttpRequestMessage ToRequest(string idempotencyKey)
        {
            var request = new HttpRequestMessage(Method, Url);
            string? contentType = null;
            foreach (var (name, value) in Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new ActionParameterException($"parameter 'headers' has '{name}', which cannot be sent as a request header");
                }
            }

            if (!Headers.Any(h => h.Key.Equals(IdempotencyHeader, StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);
            }

            if (Json is not null || Body is not null)
            {
                request.Content = new StringContent(Json ?? Body!, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? (Json is not null ? "application/json; charset=utf-8" : "text/plain; charset=utf-8"));
            }

            return request;
        }
    }

    internal static Uri ReadUrl(ParameterReader p, string name)
    {
        var text = p.RequiredString(name);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ActionParameterException($"parameter '{name}' is '{text}'; it must be an absolute http:// or https:// URL");
        }

        return url;
    }
}
