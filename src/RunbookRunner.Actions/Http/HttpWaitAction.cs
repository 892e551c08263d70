using System.Globalization;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Actions.Http;

/// <summary>
/// <c>http.wait</c>: polls <c>url</c> every <c>interval</c> until it answers with <c>expect_status</c>; the step
/// timeout ends the wait. Outputs: <c>status</c>, <c>attempts</c>, <c>waited_ms</c>.
/// </summary>
public sealed class HttpWaitAction : StepAction
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public HttpWaitAction(IHttpClientFactory clients, IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _time = time;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("http.wait");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (url, expect, interval) = Read(parameters);
        var client = _clients.CreateClient(HttpClientNames.Probe);
        var started = _time.GetTimestamp();
        string? lastSeen = null;
        var attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                var seen = await ProbeAsync(client, url, context.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                if (seen.Status is { } status && expect.Accepts(status))
                {
                    var waited = (long)_time.GetElapsedTime(started).TotalMilliseconds;
                    context.Log.Write($"GET {url} -> {status} after {attempt} attempt(s)");
                    return ActionResult.Success(
                        $"{url} answered {status} after {attempt} attempt(s)",
                        new Dictionary<string, string>
                        {
                            ["status"] = status.ToString(CultureInfo.InvariantCulture),
                            ["attempts"] = attempt.ToString(CultureInfo.InvariantCulture),
                            ["waited_ms"] = waited.ToString(CultureInfo.InvariantCulture),
                        });
                }

                // Log changes, not every poll: a long wait should not flood the war-room thread.
                if (seen.Text != lastSeen)
                {
                    context.Log.Write($"attempt {attempt}: GET {url} -> {seen.Text} (waiting for {expect}, every {Durations.Format(interval)})");
                    lastSeen = seen.Text;
                }

                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Log.Write($"gave up after {attempt} attempt(s): last answer {lastSeen ?? "none"}");
            throw;
        }
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (url, expect, interval) = Read(parameters);
        LogSimulated(context, $"would poll GET {url} every {Durations.Format(interval)} until it answers {expect}");
        return Task.FromResult(ActionResult.Success(
            $"simulated: {url} answered {HttpAction.SimulatedStatus(expect)}",
            new Dictionary<string, string> { ["status"] = HttpAction.SimulatedStatus(expect), ["attempts"] = "1", ["waited_ms"] = "0" }));
    }

    private static (Uri Url, StatusExpectation Expect, TimeSpan Interval) Read(ParameterReader p)
    {
        var interval = p.OptionalDuration("interval", DefaultInterval);
        if (interval <= TimeSpan.Zero)
        {
            throw new ActionParameterException("parameter 'interval' must be longer than 0s");
        }

        return (HttpAction.ReadUrl(p, "url"), StatusExpectation.Read(p, "expect_status"), interval);
    }

    private async Task<(int? Status, string Text)> ProbeAsync(HttpClient client, Uri url, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.PollRequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(HttpAction.IdempotencyHeader, idempotencyKey);
        try
        {
            var exchange = await HttpExchange.SendAsync(client, request, _time, attemptTimeout.Token).ConfigureAwait(false);
            return (exchange.Status, exchange.Status.ToString(CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException ex)
        {
            return (null, "unreachable: " + ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {Durations.Format(_options.PollRequestTimeout)}");
        }
    }
}
