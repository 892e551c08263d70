using FluentAssertions;
using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Tests.Support;
using Xunit;

namespace RunbookRunner.Engine.Tests.Running;

/// <summary>The run-start diagnostics (RB900–RB903) and a runbook the validator refuses, on SQLite.</summary>
public sealed class RunStartValidationTests : IDisposable
{
    private const string Runbook = """
        name: envs
        defaults: { timeout: 1m }
        environments:
          staging: { app_url: https://staging.example }
          production: { app_url: https://www.example }
        steps:
          - id: a
            wait: 1m
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("rbr-start-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task StartAsync_UnknownEnvironment_ThrowsRB900At1x1()
    {
        var error = await StartAsync(Runbook, "prod");

        var diagnostic = error.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.ToString().Should().Be("test.yaml:1:1: error RB900: unknown environment 'prod' (the runbook declares: staging, production)");
    }

    [Fact]
    public async Task StartAsync_NoEnvironmentChosen_ThrowsRB901At1x1()
    {
        var error = await StartAsync(Runbook, environment: null);

        error.Diagnostics.Should().ContainSingle().Subject.ToString()
            .Should().Be("test.yaml:1:1: error RB901: choose an environment for this run (the runbook declares: staging, production)");
    }

    [Fact]
    public async Task StartAsync_UndeclaredVariableSetting_ThrowsRB902At1x1()
    {
        var settings = new RunSettings { Variables = new Dictionary<string, string> { ["ap_url"] = "https://x.example" } };

        var error = await StartAsync(Runbook, "staging", settings);

        error.Diagnostics.Should().ContainSingle().Subject.ToString()
            .Should().Be("test.yaml:1:1: error RB902: --var ap_url: the runbook declares no variable 'ap_url' (in vars or environment 'staging')");
    }

    [Fact]
    public async Task StartAsync_EnvironmentWithoutASourceForAPerEnvironmentSecret_ThrowsRB903At1x1()
    {
        const string yaml = """
            name: envs
            defaults: { timeout: 1m }
            environments: { staging: {}, production: {} }
            secrets:
              db_url: { production: env:PROD_DATABASE_URL }
            steps:
              - id: a
                wait: 1m
            """;

        var error = await StartAsync(yaml, "staging");

        error.Diagnostics.Should().ContainSingle().Subject.ToString().Should().Be(
            "test.yaml:1:1: error RB903: secret 'db_url' has no source for environment 'staging' (it has sources for: production); add one under secrets.db_url, or pass --secret db_url=env:NAME");
    }

    [Fact]
    public async Task StartAsync_ManualRollbackStep_IsRefusedWithRB016BeforeAnythingRuns()
    {
        const string yaml = """
            name: manual-rollback
            defaults: { timeout: 1m }
            steps:
              - id: a
                wait: 1m
            rollback:
              - id: confirm
                manual: Team confirms the old site is back
            """;

        var error = await StartAsync(yaml, environment: null);

        error.Diagnostics.Where(d => d.IsError).Should().ContainSingle().Subject.ToString()
            .Should().StartWith("test.yaml:8:5: error RB016: rollback step 'confirm' is a 'manual' step");
    }

    private async Task<RunbookInvalidException> StartAsync(string yaml, string? environment, RunSettings? settings = null)
    {
        await using var node = await EngineHarness.StartAsync($"sqlite:{Path.Combine(_dir, "runs.db")}");
        var request = new StartRunRequest
        {
            RunbookYaml = yaml,
            SourcePath = "test.yaml",
            T0 = node.Clock.GetUtcNow() + TimeSpan.FromHours(1),
            Environment = environment,
            StartedBy = "U-LEAD",
            Settings = settings,
        };

        var start = () => node.Engine.StartAsync(request);

        return (await start.Should().ThrowAsync<RunbookInvalidException>()).Which;
    }
}
