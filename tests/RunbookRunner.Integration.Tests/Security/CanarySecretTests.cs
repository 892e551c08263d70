using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.Server.Narration;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// A canary secret printed by steps, put in a failing URL and in an error must not appear anywhere a person or
/// another system can read: API answers, launch reports (json, md, html), narration, the server's logs (every level), and any
/// table of the database (journal, step logs, outbox, audit, Quartz). Run on SQLite and PostgreSQL.
/// </summary>
public abstract class CanarySecretTests
{
    protected abstract Task<string> NewStoreAsync();

    [Fact]
    public async Task Run_SecretPrintedFailedAndInAUrl_AppearsNowhereButMasked()
    {
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var variable = "RBK_CANARY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, canary);
        var yaml = $$"""
            name: canary
            secrets: { canary: env:{{variable}} }
            defaults: { retry: { attempts: 1 } }
            steps:
              - id: echo
                action: shell
                with: { run: "echo token=${secrets.canary}; echo ${secrets.canary} >&2" }
              - id: fail-loud
                action: shell
                with: { run: "echo failing with ${secrets.canary} >&2; exit 3" }
                on_failure: continue
              - id: probe
                action: http.check
                with: { checks: [ { url: "http://127.0.0.1:9/${secrets.canary}", expect_status: 200 } ] }
                on_failure: continue
            """;
        var store = await NewStoreAsync();
        var logs = new CapturingLoggerProvider();
        using var narration = new CapturingWriter();
        await using var server = await ServerHost.StartAsync(
            store,
            new Dictionary<string, string?> { ["Runbook:ConsoleNarration"] = "true", ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Quartz"] = "Trace" },
            builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.Services.AddSingleton(new ConsoleNarrationSink(narration));
            });
        try
        {
            var ops = server.Client(await server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));

            var run = await RunApi.StartAsync(ops, new StartRunRequest { Yaml = yaml });
            var done = await RunApi.WaitForAsync(ops, run.Id, r => RunStates.IsTerminal(r.State), "finished");
            await WaitForNarrationDeliveredAsync(server);
            var bodies = new List<string>
            {
                await ops.GetStringAsync($"api/runs/{run.Id}"),
                await ops.GetStringAsync($"api/runs/{run.Id}/events"),
                await ops.GetStringAsync($"api/runs/{run.Id}/logs"),
                await ops.GetStringAsync($"api/audit?run={run.Id}"),
                await ops.GetStringAsync("api/runs"),
                await ops.GetStringAsync($"api/runs/{run.Id}/report?format=json"),
                await ops.GetStringAsync($"api/runs/{run.Id}/report?format=md"),
                await ops.GetStringAsync($"api/runs/{run.Id}/report?format=html"),
            };
            var database = await new RawStore(store).DumpAsync();

            done.Step("fail-loud").State.Should().Be(StepStates.Failed, "the step really ran and failed");
            done.Step("probe").State.Should().Be(StepStates.Failed);
            bodies.Should().NotContain(b => b.Contains(canary, StringComparison.Ordinal), "API answers and launch reports are redacted");
            bodies[^2].Should().Contain("fail-loud", "the report describes the run");
            bodies[2].Should().Contain("token=***");
            database.Should().Contain("journal: ").And.Contain("step_logs: ").And.Contain("token=***", "the tables were read");
            database.Should().NotContain(canary, "no table (journal, step logs, outbox, audit, runs, Quartz) stores the secret");
            narration.Text.Should().Contain("fail-loud", "narration was written").And.NotContain(canary);
            logs.Lines.Should().NotBeEmpty().And.NotContain(l => l.Contains(canary, StringComparison.Ordinal), "no log line at any level holds the secret");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static async Task WaitForNarrationDeliveredAsync(ServerHost server)
    {
        var outbox = server.Services.GetRequiredService<IOutboxStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await outbox.GetBacklogAsync(timeout.Token)).Pending > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
