using System.Net;
using System.Text.Json;

namespace RunbookRunner.Server.Metrics;

/// <summary>
/// Counts every HTTP call to an external service (<c>runbook_external_calls_total{service,outcome}</c>) at the
/// bottom of its client's pipeline, so each retry counts. Slack answers errors with HTTP 200 and <c>"ok":false</c>:
/// for it the body decides.
/// </summary>
internal sealed class OutboundCallMetricsHandler(ServerMetrics metrics, string service, bool slackBody) : DelegatingHandler
{
    public const string Slack = "slack";
    public const string GitHub = "github";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Count("timeout");
            throw;
        }
        catch (HttpRequestException)
        {
            Count("unreachable");
            throw;
        }

        Count(await OutcomeAsync(response, cancellationToken));
        return response;
    }

    private async Task<string> OutcomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.Forbidden && response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.Contains("0")))
        {
            return "rate_limited";
        }

        if (status >= 500)
        {
            return "server_error";
        }

        if (status >= 400)
        {
            return "client_error";
        }

        if (slackBody && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            // Buffered once here; the client reads the same bytes after us. Slack's answers are small.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            try
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
                {
                    return document.RootElement.TryGetProperty("error", out var error) && error.GetString() == "ratelimited" ? "rate_limited" : "api_error";
                }
            }
            catch (JsonException)
            {
                return "invalid_response";
            }
        }

        return "ok";
    }

    private void Count(string outcome) => metrics.Increment("runbook_external_calls_total", $"service=\"{service}\",outcome=\"{outcome}\"");
}
