using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Http;

public sealed class HttpActionTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapPost("/admin/maintenance", (HttpRequest r) => Results.Json(new { enabled = true }));
        app.MapGet("/status/{code:int}", (int code) => code == 204 ? Results.StatusCode(204) : Results.Text($"status {code} body", statusCode: code));
        app.MapGet("/doc", () => Results.Text("""{"data":{"items":[{"status":"ok"},{"status":"degraded"}]},"count":3,"live":true}""", "application/json"));
        app.MapGet("/big", () => Results.Text(new string('x', 100_000)));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpAction Create(int bodyCap = 64 * 1024) =>
        new(new SimpleHttpClientFactory(), Contexts.Options(o => o.MaxCapturedBodyChars = bodyCap), TimeProvider.System);

    [Fact]
    public async Task ExecuteAsync_PostJson_SendsBodyContentTypeAndIdempotencyKey()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("method", "POST"),
            ("url", _server.Url("admin/maintenance").ToString()),
            ("headers", P.Map(("X-Reason", "launch"))),
            ("json", P.Map(("enabled", true), ("note", P.Q("true")), ("count", 2))),
            ("expect_status", 200)), step: "maintenance-on"));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["status"].Should().Be("200");
        result.Outputs["body"].Should().Be("""{"enabled":true}""");
        var request = _server.Requests.Single();
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/admin/maintenance");
        request.Body.Should().Be("""{"enabled":true,"note":"true","count":2}""");
        request.Header("Content-Type").Should().Be("application/json; charset=utf-8");
        request.Header("Idempotency-Key").Should().Be("run-42/maintenance-on/1");
        request.Header("X-Reason").Should().Be("launch");
    }

    [Fact]
    public async Task ExecuteAsync_StepGivesIdempotencyKeyHeader_KeepsTheStepsValue()
    {
        await Create().ExecuteAsync(Contexts.For(P.Map(
            ("url", _server.Url("doc").ToString()),
            ("headers", P.Map(("Idempotency-Key", "custom-1"))))));

        _server.Requests.Single().Header("Idempotency-Key").Should().Be("custom-1");
    }

    [Fact]
    public async Task ExecuteAsync_ServerError_FailsRetryably()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("url", _server.Url("status/503").ToString()))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeTrue();
        result.Error.Should().Be($"GET {_server.Url("status/503")} returned 503 (expected 2xx)");
        result.Outputs["body"].Should().Be("status 503 body");
    }

    [Fact]
    public async Task ExecuteAsync_ClientError_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("url", _server.Url("status/404").ToString()))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
    }

    [Theory]
    [InlineData("404", 404, true)]
    [InlineData("4xx", 418, true)]
    [InlineData("200-299", 204, true)]
    [InlineData("200-299", 302, false)]
    public async Task ExecuteAsync_ExpectStatusForms_AcceptOnlyTheirCodes(string expect, int actual, bool accepted)
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("url", _server.Url($"status/{actual}").ToString()),
            ("expect_status", expect))));

        result.Succeeded.Should().Be(accepted, result.Error);
    }

    [Fact]
    public async Task ExecuteAsync_ExpectStatusList_AcceptsAnyListed()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("url", _server.Url("status/202").ToString()),
            ("expect_status", P.List(200, 202)))));

        result.Succeeded.Should().BeTrue(result.Error);
    }

    [Fact]
    public async Task ExecuteAsync_ExpectJsonMatches_Succeeds()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("url", _server.Url("doc").ToString()),
            ("expect_json", P.Map(
                ("$.data.items[0].status", "ok"),
                ("$.data.items[-1].status", "degraded"),
                ("$.count", 3),
                ("$.live", true),
                ("$['data']['items'][1]", P.Map(("status", "degraded"))))))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Summary.Should().EndWith("5 JSON expectation(s) met");
    }

    [Fact]
    public async Task ExecuteAsync_ExpectJsonMismatch_FailsNamingPathAndBothValues()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("url", _server.Url("doc").ToString()),
            ("expect_json", P.Map(("$.data.items[1].status", "ok"), ("$.missing", 1)))), log));

        result.Succeeded.Should().BeFalse();
        result.Error.Should().EndWith("$.data.items[1].status is \"degraded\", expected \"ok\"");
        log.Lines.Should().Contain("expectation failed: $.missing is missing from the response");
    }

    [Fact]
    public async Task ExecuteAsync_LargeBody_OutputIsCapped()
    {
        var result = await Create(bodyCap: 2048).ExecuteAsync(Contexts.For(P.Map(("url", _server.Url("big").ToString()))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["body"].Should().HaveLength(2048);
    }

    [Fact]
    public async Task ExecuteAsync_NothingListening_FailsRetryably()
    {
        var port = FreePort();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("url", $"http://127.0.0.1:{port}/x"))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeTrue();
        result.Error.Should().StartWith($"GET http://127.0.0.1:{port}/x failed:");
    }

    [Fact]
    public async Task ExecuteAsync_RelativeUrl_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("url", "/healthz"))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Be("parameter 'url' is '/healthz'; it must be an absolute http:// or https:// URL");
    }

    [Fact]
    public async Task SimulateAsync_Post_SendsNothingAndPredictsTheExpectedStatus()
    {
        var log = new RecordingLog();
        var result = await Create().SimulateAsync(Contexts.For(P.Map(
            ("method", "POST"),
            ("url", _server.Url("admin/maintenance").ToString()),
            ("json", P.Map(("enabled", false))),
            ("expect_status", 204)), log));

        result.Succeeded.Should().BeTrue();
        result.Outputs["status"].Should().Be("204");
        _server.Requests.Should().BeEmpty();
        log.Lines[0].Should().Be($"[rehearsal] would send POST {_server.Url("admin/maintenance")} with a JSON body (Idempotency-Key: run-42/step-1/1)");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
