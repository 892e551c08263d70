using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine.Telemetry;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Api;

public sealed class TelemetryTests
{
    private const string Runbook = """
        name: traced
        roles: { release: [U1] }
        steps:
          - id: settle
            wait: 1s
          - id: go
            approval: { roles: [release] }
          - id: deploy
            action: shell
            with: { run: "./deploy.sh" }
            idempotent: true
        """;

    [Fact]
    public async Task Serve_WithOtlpEndpoint_ExportsTheRunAsATraceWithAStepSpanEach()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var collector = await FakeOtlpCollector.StartAsync();

        string runId;
        await using (var server = await ServerHost.StartAsync(StoreFactory.NewSqlite(), new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url }))
        {
            var client = server.Client(await server.CreateTokenAsync(TokenRole.Operator, "ops"));
            var approver = server.Client(await server.CreateTokenAsync(TokenRole.Approver, "release-1", "U1"));
            var run = await RunApi.StartAsync(client, new StartRunRequest { Yaml = Runbook, Rehearsal = new RehearsalRequest() });
            runId = run.Id;
            await RunApi.WaitForAsync(client, runId, r => r.Step("go").State == StepStates.AwaitingApproval, "awaiting approval");
            (await RunApi.CommandAsync(approver, runId, "steps/go/approve")).Status.Should().Be(System.Net.HttpStatusCode.OK);
            await RunApi.WaitForAsync(client, runId, r => r.State == RunStates.Succeeded, "succeeded");
            await WaitUntilAsync(() => spans.Any(s => s.DisplayName == "run traced" && Equals(s.GetTagItem(EngineTelemetry.RunIdTag), runId)));
        }

        var ours = spans.Where(s => Equals(s.GetTagItem(EngineTelemetry.RunIdTag), runId)).ToList();
        var root = ours.Single(s => s.DisplayName == "run traced");
        var steps = ours.Where(s => s.DisplayName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        steps.Select(s => s.DisplayName).Should().BeEquivalentTo("step settle", "step go", "step deploy");
        steps.Should().OnlyContain(s => s.TraceId == root.TraceId && s.ParentSpanId == root.SpanId);
        steps.Single(s => s.DisplayName == "step deploy").GetTagItem(EngineTelemetry.ActionTag).Should().Be("shell");
        root.GetTagItem(EngineTelemetry.OutcomeTag).Should().Be("succeeded");
        steps.Should().OnlyContain(s => s.StartTimeUtc >= root.StartTimeUtc && s.StartTimeUtc + s.Duration <= root.StartTimeUtc + root.Duration);

        // The same spans reached the OTLP endpoint, with the service name, and the engine's metrics too.
        await collector.WaitForAsync("/v1/traces", ["run traced", "step settle", "step go", "step deploy", runId, "runbook-runner"], TimeSpan.FromSeconds(30));
        await collector.WaitForAsync("/v1/metrics", ["runbook.steps.finished", "runbook.step.duration", "runbook.runs.finished"], TimeSpan.FromSeconds(30));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
