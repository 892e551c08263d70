using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Guards;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.Core.Model;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Guards;

public sealed class HttpGuardProbeTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/metrics/ok", () => Results.Text("""{"value":0.01}""", "application/json"));
        app.MapGet("/metrics/bad", () => Results.Text("""{"value":"0.09"}""", "application/json"));
        app.MapGet("/metrics/text", () => Results.Text("not json"));
        app.MapGet("/down", () => Results.Text("maintenance", statusCode: 503));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<Core.Execution.GuardProbeResult> Probe(string path, string? jsonPath = "$.value", int? status = null) =>
        new HttpGuardProbe(new SimpleHttpClientFactory()).ProbeAsync(new GuardCheck
        {
            Url = _server.Url(path).ToString(),
            JsonPath = jsonPath,
            Above = 0.05,
            ExpectStatus = status,
        });

    [Fact]
    public async Task ProbeAsync_ValueUnderThreshold_IsHealthy()
    {
        var reading = await Probe("metrics/ok");

        reading.Breached.Should().BeFalse();
        reading.Value.Should().Be(0.01);
    }

    [Fact]
    public async Task ProbeAsync_ValueAboveThreshold_Breaches()
    {
        var reading = await Probe("metrics/bad");

        reading.Breached.Should().BeTrue();
        reading.Detail.Should().Be("$.value = 0.09 > 0.05");
    }

    [Fact]
    public async Task ProbeAsync_UnexpectedStatusOrUnreadableBody_Breaches()
    {
        (await Probe("down", jsonPath: null)).Breached.Should().BeTrue();
        (await Probe("metrics/text")).Detail.Should().Contain("did not answer JSON");
        (await Probe("metrics/ok", jsonPath: null, status: 200)).Breached.Should().BeFalse();
    }
}
