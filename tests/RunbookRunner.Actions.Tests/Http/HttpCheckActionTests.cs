using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Http;

public sealed class HttpCheckActionTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/healthz", () => Results.Text("""{"status":"ok","db":{"latency":3}}""", "application/json"));
        app.MapGet("/metrics", () => Results.Text("""{"p95_ms":180,"signups":"120","uptime":0.998,"state":"ok"}""", "application/json"));
        app.MapGet("/down", () => Results.Text("maintenance", statusCode: 503));
        app.MapGet("/slow", async () =>
        {
            await Task.Delay(300);
            return Results.Text("finally");
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpCheckAction Create() => new(new SimpleHttpClientFactory(), Contexts.Options(), TimeProvider.System);

    private RunbookRunner.Core.Model.MapValue Check(string path, params (string, object?)[] more) =>
        P.Map([("url", _server.Url(path).ToString()), .. more]);

    [Fact]
    public async Task ExecuteAsync_AllChecksPass_ReportsEveryCheck()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("checks", P.List(
            Check("healthz", ("expect_status", 200)),
            Check("healthz", ("contains", "\"ok\"")),
            Check("healthz", ("json_path", "$.db.latency"), ("equals", 3)),
            Check("down", ("expect_status", 503))))), log));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Summary.Should().Be("4/4 checks passed");
        result.Outputs["passed"].Should().Be("4");
        log.Lines.Should().HaveCount(4).And.OnlyContain(l => l.StartsWith("PASS ", StringComparison.Ordinal));
        JsonNode.Parse(result.Outputs["results"])!.AsArray().Should().HaveCount(4);
    }

    [Fact]
    public async Task ExecuteAsync_SomeChecksFail_RunsAllAndFailsListingEachProblem()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("checks", P.List(
            Check("healthz"),
            Check("down"),
            Check("slow", ("max_latency", "50ms")),
            Check("healthz", ("json_path", "$.status"), ("equals", "degraded"))))), log));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeTrue();
        result.Summary.Should().StartWith("1/4 checks passed; GET " + _server.Url("down") + " -> 503");
        result.Outputs["failed"].Should().Be("3");
        log.Lines.Should().Contain(l => l.StartsWith("FAIL ", StringComparison.Ordinal) && l.Contains("status 503 (expected 2xx)", StringComparison.Ordinal));
        log.Lines.Should().Contain(l => l.StartsWith("FAIL ", StringComparison.Ordinal) && l.Contains("(max 50ms)", StringComparison.Ordinal));
        log.Lines.Should().Contain(l => l.Contains("$.status is \"ok\", expected \"degraded\"", StringComparison.Ordinal));
        var results = JsonNode.Parse(result.Outputs["results"])!.AsArray();
        results.Select(r => r!["passed"]!.GetValue<bool>()).Should().Equal(true, false, false, false);
    }

    [Fact]
    public async Task ExecuteAsync_ThresholdsMet_PassesForNumbersAndNumericStrings()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("checks", P.List(
            Check("metrics", ("json_path", "$.p95_ms"), ("below", 200)),
            Check("metrics", ("json_path", "$.signups"), ("above", 99)),
            Check("metrics", ("json_path", "$.uptime"), ("above", 0.99), ("below", 1))))), log));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Summary.Should().Be("3/3 checks passed");
        log.Lines.Should().HaveCount(3).And.OnlyContain(l => l.StartsWith("PASS ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimulateAsync_Threshold_DescribesTheComparison()
    {
        var log = new RecordingLog();

        await Create().SimulateAsync(Contexts.For(P.Map(("checks", P.List(Check("metrics", ("json_path", "$.uptime"), ("above", 0.99), ("below", 1))))), log));

        log.Lines.Should().ContainSingle(l => l.Contains("$.uptime > 0.99, $.uptime < 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ThresholdsMissed_FailsNamingValueAndThreshold()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("checks", P.List(
            Check("metrics", ("json_path", "$.p95_ms"), ("below", 150)),
            Check("metrics", ("json_path", "$.signups"), ("above", 120)),
            Check("metrics", ("json_path", "$.state"), ("above", 1)),
            Check("metrics", ("json_path", "$.absent"), ("below", 1))))), log));

        result.Succeeded.Should().BeFalse();
        result.Outputs["failed"].Should().Be("4");
        log.Lines.Should().Contain(l => l.Contains("$.p95_ms = 180 (expected below 150)", StringComparison.Ordinal));
        log.Lines.Should().Contain(l => l.Contains("$.signups = 120 (expected above 120)", StringComparison.Ordinal));
        log.Lines.Should().Contain(l => l.Contains("$.state is \"ok\", not a number", StringComparison.Ordinal));
        log.Lines.Should().Contain(l => l.Contains("$.absent is missing from the response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ThresholdWithoutJsonPath_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("checks", P.List(Check("metrics", ("below", 200)))))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Contain("'above' or 'below' without 'json_path'");
    }

    [Fact]
    public async Task ExecuteAsync_NoChecks_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("checks", P.List()))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().StartWith("parameter 'checks' must list at least one check");
    }

    [Fact]
    public async Task SimulateAsync_Checks_PassesWithoutRequests()
    {
        var result = await Create().SimulateAsync(Contexts.For(P.Map(("checks", P.List(Check("down"), Check("healthz"))))));

        result.Succeeded.Should().BeTrue();
        result.Summary.Should().Be("simulated: 2/2 checks passed");
        _server.Requests.Should().BeEmpty();
    }
}
