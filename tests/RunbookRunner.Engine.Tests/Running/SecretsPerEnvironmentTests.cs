using FluentAssertions;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Tests.Support;
using Xunit;

namespace RunbookRunner.Engine.Tests.Running;

/// <summary>A secret with a source per environment: the run's environment picks it, and its value is redacted. On SQLite.</summary>
public sealed class SecretsPerEnvironmentTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("rbr-secrets-").FullName;
    private readonly string _stagingVariable = "RBK_STAGING_DB_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _productionVariable = "RBK_PROD_DB_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _stagingValue = "postgresql://staging:canary-" + Guid.NewGuid().ToString("N") + "@db/app";
    private readonly string _productionValue = "postgresql://prod:canary-" + Guid.NewGuid().ToString("N") + "@db/app";

    public SecretsPerEnvironmentTests()
    {
        Environment.SetEnvironmentVariable(_stagingVariable, _stagingValue);
        Environment.SetEnvironmentVariable(_productionVariable, _productionValue);
    }

    private string Yaml => $$"""
        name: per-env
        defaults: { timeout: 5m, retry: { attempts: 1 } }
        environments: { staging: {}, production: {} }
        secrets:
          db_url: { staging: env:{{_stagingVariable}}, production: env:{{_productionVariable}} }
        steps:
          - id: connect
            action: shell
            with: { run: "psql ${secrets.db_url}" }
          - id: echo
            action: http.check
            with: { checks: [ { url: "http://127.0.0.1:9/healthz" } ] }
        """;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_stagingVariable, null);
        Environment.SetEnvironmentVariable(_productionVariable, null);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Run_InStaging_UsesTheStagingSourceAndRedactsItsValueEverywhere()
    {
        var received = new List<string>();
        var shell = new ScriptedAction("shell", (ctx, _) =>
        {
            var command = ctx.Parameters.GetString("run")!;
            lock (received)
            {
                received.Add(command);
            }

            ctx.Log.Write("running " + command);
            return Task.FromResult(ActionResult.Success("connected", new Dictionary<string, string> { ["stdout"] = command }));
        });

        // This step does not name the secret but prints its value (as a careless script would echo its environment).
        var echo = new ScriptedAction("http.check", (ctx, _) =>
        {
            ctx.Log.Write("environment: " + Environment.GetEnvironmentVariable(_stagingVariable));
            return Task.FromResult(ActionResult.Success("ok"));
        });
        await using var node = await EngineHarness.StartAsync($"sqlite:{Path.Combine(_dir, "runs.db")}", actions: [shell, echo]);

        var run = await node.Engine.StartAsync(Request(node, "staging"));
        var end = await WaitForAsync(node, run.RunId, s => s.IsTerminal);

        end.Status.Should().Be(RunStatus.Succeeded);
        received.Should().Equal($"psql {_stagingValue}");
        end.Step("connect").Outputs["stdout"].Should().Be("psql ***");
        var logs = (await node.Logs.ReadAsync(run.RunId)).Select(l => l.Text).ToList();
        logs.Should().Contain("running psql ***").And.Contain("environment: ***");
        logs.Should().NotContain(l => l.Contains(_stagingValue, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithSecretSetting_UsesTheSettingOverThePerEnvironmentSource()
    {
        var received = new List<string>();
        var shell = new ScriptedAction("shell", (ctx, _) =>
        {
            lock (received)
            {
                received.Add(ctx.Parameters.GetString("run")!);
            }

            return Task.FromResult(ActionResult.Success("connected"));
        });
        await using var node = await EngineHarness.StartAsync($"sqlite:{Path.Combine(_dir, "runs.db")}", actions: [shell, ScriptedAction.Succeeding("http.check")]);
        var settings = new RunSettings { SecretSources = new Dictionary<string, string> { ["db_url"] = "env:" + _stagingVariable } };

        var run = await node.Engine.StartAsync(Request(node, "production", settings));
        var end = await WaitForAsync(node, run.RunId, s => s.IsTerminal);

        end.Status.Should().Be(RunStatus.Succeeded);
        received.Should().Equal($"psql {_stagingValue}");
    }

    private StartRunRequest Request(EngineHarness node, string environment, RunSettings? settings = null) => new()
    {
        RunbookYaml = Yaml,
        SourcePath = "test.yaml",
        T0 = node.Clock.GetUtcNow(),
        Environment = environment,
        StartedBy = "U-LEAD",
        Settings = settings,
    };

    private static async Task<RunState> WaitForAsync(EngineHarness node, string runId, Func<RunState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            node.Engine.Forget(runId);
            var state = await node.Engine.GetStateAsync(runId, timeout.Token);
            if (state is not null && condition(state))
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, timeout.Token);
        }
    }
}
