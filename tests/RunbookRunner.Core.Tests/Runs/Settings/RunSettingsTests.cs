using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Settings;

namespace RunbookRunner.Core.Tests.Runs.Settings;

/// <summary>Secret sources of a run: per environment, and replaced by the run's <c>--secret</c> settings.</summary>
public class RunSettingsTests
{
    private static readonly Runbook PerEnvironment = RunbookLoader.Load(
        """
        name: t
        environments: { staging: {}, production: {}, qa: {} }
        secrets:
          db_url: { staging: env:STAGING_DATABASE_URL, production: env:PROD_DATABASE_URL }
          token: file:/run/secrets/token
        steps:
          - id: a
            wait: 1m
        """, "t.yaml").Runbook!;

    [Theory]
    [InlineData("staging", "STAGING_DATABASE_URL")]
    [InlineData("production", "PROD_DATABASE_URL")]
    public void SecretSourceFor_PerEnvironmentSecret_PicksTheRunsEnvironment(string environment, string variable)
    {
        var source = RunSettings.None.SecretSourceFor(PerEnvironment, "db_url", environment);

        source.Should().NotBeNull();
        source!.Kind.Should().Be(SecretSourceKind.Env);
        source.Reference.Should().Be(variable);
    }

    [Fact]
    public void SecretSourceFor_SecretSetting_WinsOverThePerEnvironmentSource()
    {
        var settings = new RunSettings { SecretSources = new Dictionary<string, string> { ["db_url"] = "env:LOCAL_DB" } };

        settings.SecretSourceFor(PerEnvironment, "db_url", "production")!.Reference.Should().Be("LOCAL_DB");
    }

    [Fact]
    public void SecretSourceFor_OneSourceSecret_IsTheSameInEveryEnvironment()
    {
        RunSettings.None.SecretSourceFor(PerEnvironment, "token", "qa")!.Reference.Should().Be("/run/secrets/token");
    }

    [Fact]
    public void MissingSecretSources_EnvironmentWithoutASource_NamesTheSecretAndTheEnvironment()
    {
        RunSettings.None.MissingSecretSources(PerEnvironment, "qa").Should().Equal(
            "secret 'db_url' has no source for environment 'qa' (it has sources for: staging, production); add one under secrets.db_url, or pass --secret db_url=env:NAME");
        RunSettings.None.MissingSecretSources(PerEnvironment, "staging").Should().BeEmpty();
    }

    [Fact]
    public void MissingSecretSources_SecretSettingForTheSecret_FillsTheGap()
    {
        var settings = new RunSettings { SecretSources = new Dictionary<string, string> { ["db_url"] = "file:/tmp/qa-db" } };

        settings.MissingSecretSources(PerEnvironment, "qa").Should().BeEmpty();
    }

    [Fact]
    public void Validate_SecretSettingForAPerEnvironmentSecret_IsAccepted()
    {
        var settings = new RunSettings { SecretSources = new Dictionary<string, string> { ["db_url"] = "env:LOCAL_DB", ["db"] = "env:X" } };

        settings.Validate(PerEnvironment, "staging").Should().Equal("--secret db: the runbook declares no secret 'db'");
    }
}
