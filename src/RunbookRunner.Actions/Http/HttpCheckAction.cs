using System.Globalization;
using System.Net.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Json;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Actions.Http;

/// <summary>
/// <c>http.check</c>: runs every check (status, latency ceiling, body text, JSON path equal to a value or a
/// number above / below a threshold, response headers, days left on the TLS certificate), reports all of them,
/// and fails when any fails. Outputs: <c>passed</c>, <c>failed</c>, <c>total</c>, <c>results</c> (JSON).
/// </summary>
public sealed class HttpCheckAction : StepAction
{
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly CertificatePins _pins;

    public HttpCheckAction(IHttpClientFactory clients, IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _time = time;
        _pins = new CertificatePins(options.Value.TrustedCertificates);
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("http.check");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var checks = ReadChecks(parameters);
        var client = _clients.CreateClient(HttpClientNames.Probe);

        // Independent probes: run them together so a slow one does not delay the others' evidence.
        var outcomes = await Task.WhenAll(checks.Select(c => RunAsync(client, c, context.IdempotencyKey, cancellationToken))).ConfigureAwait(false);

        foreach (var outcome in outcomes)
        {
            context.Log.Write((outcome.Passed ? "PASS " : "FAIL ") + outcome.Description);
        }

        var passed = outcomes.Count(o => o.Passed);
        var outputs = new Dictionary<string, string>
        {
            ["passed"] = passed.ToString(CultureInfo.InvariantCulture),
            ["failed"] = (outcomes.Length - passed).ToString(CultureInfo.InvariantCulture),
            ["total"] = outcomes.Length.ToString(CultureInfo.InvariantCulture),
            ["results"] = new JsonArray(outcomes.Select(o => o.ToJson()).ToArray()).ToJsonString(),
        };
        var summary = $"{passed}/{outcomes.Length} checks passed";
        if (passed == outcomes.Length)
        {
            return ActionResult.Success(summary, outputs);
        }

        var firstFailure = outcomes.First(o => !o.Passed);
        return ActionResult.Failure($"{summary}; {firstFailure.Description}", retryable: true, outputs);
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var checks = ReadChecks(parameters);
        var results = new JsonArray();
        foreach (var check in checks)
        {
            LogSimulated(context, $"would check {check.Describe()}");
            var status = HttpAction.SimulatedStatus(check.ExpectStatus);
            results.Add(new JsonObject { ["url"] = check.Url.ToString(), ["passed"] = true, ["status"] = int.Parse(status, CultureInfo.InvariantCulture), ["latency_ms"] = 0 });
        }

        var total = checks.Count.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(ActionResult.Success(
            $"simulated: {total}/{total} checks passed",
            new Dictionary<string, string> { ["passed"] = total, ["failed"] = "0", ["total"] = total, ["results"] = results.ToJsonString() }));
    }

    private static List<Check> ReadChecks(ParameterReader parameters)
    {
        var checks = parameters.MapList("checks").Select(Check.Read).ToList();
        if (checks.Count == 0)
        {
            throw new ActionParameterException("parameter 'checks' must list at least one check, e.g. [{ url: https://example.com/healthz, expect_status: 200 }]");
        }

        return checks;
    }

    private async Task<Outcome> RunAsync(HttpClient client, Check check, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(check.Method, check.Url);
        request.Headers.TryAddWithoutValidation(HttpAction.IdempotencyHeader, idempotencyKey);
        HttpExchange exchange;
        ServerCertificate? certificate = null;
        try
        {
            if (check.MinDaysValid is null)
            {
                exchange = await HttpExchange.SendAsync(client, request, _time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // A connection of its own, so the TLS handshake (and the certificate) is seen even when a pooled
                // connection to the host exists; only the first certificate is the URL's (later ones are redirects').
                using var handler = _pins.CreateHandler((seen, errors) => certificate ??= ServerCertificate.From(seen, errors));
                using var own = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
                exchange = await HttpExchange.SendAsync(own, request, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(check, null, certificate is { Errors: not SslPolicyErrors.None } refused
                ? [$"TLS certificate of {check.Url.Host} is not trusted ({refused.Errors}); {refused.Describe()}"]
                : [$"unreachable: {ex.Message}"])
            {
                Certificate = certificate,
            };
        }

        var problems = new List<string>();
        if (!check.ExpectStatus.Accepts(exchange.Status))
        {
            problems.Add($"status {exchange.Status} (expected {check.ExpectStatus})");
        }

        if (check.MaxLatency is { } max && exchange.Elapsed > max)
        {
            problems.Add($"took {exchange.ElapsedMs} ms (max {Durations.Format(max)})");
        }

        if (check.Contains is { } text && !exchange.Body.Contains(text, StringComparison.Ordinal))
        {
            problems.Add($"body does not contain \"{text}\"");
        }

        problems.AddRange(CheckHeaders(exchange, check.Headers));
        if (check.MinDaysValid is { } minDays)
        {
            problems.AddRange(CheckCertificate(certificate, minDays));
        }

        if (check.JsonPath is { } path)
        {
            var compares = check.Above is not null || check.Below is not null;
            if (check.EqualsValue is not null || !compares)
            {
                problems.AddRange(CheckJsonPath(exchange, path, check.EqualsValue));
            }

            if (compares)
            {
                problems.AddRange(CheckNumber(exchange, path, check.Above, check.Below));
            }
        }

        return new Outcome(check, exchange, problems) { Certificate = certificate };
    }

    /// <summary>Each expected header must be present and one of its values (or all of them joined) must match.</summary>
    private static IEnumerable<string> CheckHeaders(HttpExchange exchange, IReadOnlyList<KeyValuePair<string, string>> expected)
    {
        foreach (var (name, pattern) in expected)
        {
            if (!exchange.Headers.TryGetValue(name, out var values))
            {
                yield return $"header {name} is missing (expected '{pattern}')";
                continue;
            }

            var joined = string.Join(", ", values);
            if (!HeaderPattern.Matches(pattern, joined) && !values.Any(v => HeaderPattern.Matches(pattern, v)))
            {
                yield return $"header {name} is '{Shorten(joined)}' (expected '{pattern}')";
            }
        }
    }

    private List<string> CheckCertificate(ServerCertificate? certificate, int minDays)
    {
        if (certificate is null)
        {
            return ["no TLS certificate was presented"];
        }

        var left = certificate.NotAfter - _time.GetUtcNow();
        return left < TimeSpan.FromDays(minDays)
            ? [$"TLS certificate {certificate.Describe()} ({FormatDays(left)}; expected at least {minDays} days left)"]
            : [];
    }

    private static string FormatDays(TimeSpan left) =>
        left < TimeSpan.Zero
            ? $"expired {(-left.TotalDays).ToString("0.#", CultureInfo.InvariantCulture)} days ago"
            : $"in {left.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    private static List<string> CheckJsonPath(HttpExchange exchange, JsonPath path, ParamValue? expected)
    {
        if (expected is not null)
        {
            return HttpAction.CheckJson(exchange, [(path, expected)]);
        }

        var json = exchange.ParseJson(out var error);
        if (error is not null)
        {
            return [error];
        }

        return path.TryEvaluate(json, out _) ? [] : [$"{path} is missing from the response"];
    }

    /// <summary>Success criteria such as "p95 below 200 ms": the value must be a number (or a numeric string).</summary>
    private static List<string> CheckNumber(HttpExchange exchange, JsonPath path, double? above, double? below)
    {
        var json = exchange.ParseJson(out var error);
        if (error is not null)
        {
            return [error];
        }

        if (!path.TryEvaluate(json, out var node))
        {
            return [$"{path} is missing from the response"];
        }

        if (node is not JsonValue value || !TryNumber(value, out var number))
        {
            return [$"{path} is {node?.ToJsonString() ?? "null"}, not a number"];
        }

        var problems = new List<string>();
        if (above is { } min && !(number > min))
        {
            problems.Add($"{path} = {Format(number)} (expected above {Format(min)})");
        }

        if (below is { } max && !(number < max))
        {
            problems.Add($"{path} = {Format(number)} (expected below {Format(max)})");
        }

        return problems;
    }

    private static bool TryNumber(JsonValue value, out double number) =>
        value.TryGetValue(out number)
        || (value.TryGetValue(out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Check(
        HttpMethod Method, Uri Url, StatusExpectation ExpectStatus, TimeSpan? MaxLatency, string? Contains, JsonPath? JsonPath, ParamValue? EqualsValue,
        double? Above, double? Below)
    {
        /// <summary>Response header name → expected value (<c>*</c> matches anything).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

        /// <summary>From <c>tls.min_days_valid</c>: the certificate must stay valid at least this many more days.</summary>
        public int? MinDaysValid { get; init; }

        public static Check Read(ParameterReader p)
        {
            JsonPath? path = null;
            if (p.OptionalString("json_path") is { } text)
            {
                if (!JsonPath.TryParse(text, out path, out var error))
                {
                    throw new ActionParameterException($"parameter 'json_path': {error}");
                }
            }

            if (p.Has("equals") && path is null)
            {
                throw new ActionParameterException("a check has 'equals' without 'json_path'; add json_path: $.field");
            }

            var above = p.OptionalNumber("above");
            var below = p.OptionalNumber("below");
            if ((above is not null || below is not null) && path is null)
            {
                throw new ActionParameterException("a check has 'above' or 'below' without 'json_path'; add json_path: $.field");
            }

            var method = p.OptionalString("method")?.Trim().ToUpperInvariant() ?? "GET";
            var url = HttpAction.ReadUrl(p, "url");
            int? minDays = null;
            if (p.OptionalMap("tls") is { } tls)
            {
                minDays = (int)(new ParameterReader(tls, "tls.").OptionalInt("min_days_valid", 0, 3650)
                    ?? throw new ActionParameterException("'tls' of a check needs min_days_valid, e.g. tls: { min_days_valid: 14 }"));
                if (url.Scheme != Uri.UriSchemeHttps)
                {
                    throw new ActionParameterException($"a check has 'tls' but its URL {url} is not https; only an https URL has a certificate to check");
                }
            }

            return new Check(new HttpMethod(method), url, StatusExpectation.Read(p, "expect_status"), p.OptionalDuration("max_latency"), p.OptionalString("contains"), path, p.Raw("equals"), above, below)
            {
                Headers = p.StringMap("headers"),
                MinDaysValid = minDays,
            };
        }

        public string Describe()
        {
            var parts = new List<string> { $"{Method} {Url} expects {ExpectStatus}" };
            if (MaxLatency is { } max)
            {
                parts.Add($"within {Durations.Format(max)}");
            }

            if (Contains is not null)
            {
                parts.Add($"body contains \"{Contains}\"");
            }

            if (JsonPath is not null && (EqualsValue is not null || (Above is null && Below is null)))
            {
                parts.Add(EqualsValue is null ? $"{JsonPath} present" : $"{JsonPath} = {JsonExpectation.Describe(ParamJson.ToNode(EqualsValue))}");
            }

            if (Above is { } floor)
            {
                parts.Add($"{JsonPath} > {Format(floor)}");
            }

            if (Below is { } ceiling)
            {
                parts.Add($"{JsonPath} < {Format(ceiling)}");
            }

            parts.AddRange(Headers.Select(h => $"header {h.Key}: {h.Value}"));
            if (MinDaysValid is { } days)
            {
                parts.Add($"certificate valid {days}+ days");
            }

            return string.Join(", ", parts);
        }
    }

    private sealed record Outcome(Check Check, HttpExchange? Exchange, IReadOnlyList<string> Problems)
    {
        public ServerCertificate? Certificate { get; init; }

        public bool Passed => Problems.Count == 0;

        public string Description
        {
            get
            {
                var head = Exchange is null
                    ? $"{Check.Method} {Check.Url}"
                    : $"{Check.Method} {Check.Url} -> {Exchange.Status} in {Exchange.ElapsedMs} ms";
                return Passed ? head : $"{head}: {string.Join("; ", Problems)}";
            }
        }

        public JsonObject ToJson()
        {
            var obj = new JsonObject
            {
                ["url"] = Check.Url.ToString(),
                ["method"] = Check.Method.Method,
                ["passed"] = Passed,
                ["status"] = Exchange is null ? null : JsonValue.Create(Exchange.Status),
                ["latency_ms"] = Exchange is null ? null : JsonValue.Create(Exchange.ElapsedMs),
            };
            if (Certificate is not null)
            {
                obj["certificate_expires"] = Certificate.NotAfter.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }

            if (!Passed)
            {
                obj["problems"] = JsonSerializer.SerializeToNode(Problems);
            }

            return obj;
        }
    }
}
