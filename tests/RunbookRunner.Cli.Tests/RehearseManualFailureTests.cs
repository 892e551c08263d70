using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

/// <summary><c>runbook rehearse --fail STEP</c> on a manual task with outcomes [done, failed]: the task is marked failed.</summary>
public sealed class RehearseManualFailureTests : IDisposable
{
    private const string Yaml = """
        name: qa-rehearsal
        roles: { qa: [U1] }
        defaults: { timeout: 5m }
        steps:
          - id: deploy
            action: shell
            with: { run: "./deploy.sh" }
            undo: { action: shell, with: { run: "./undeploy.sh" } }
          - id: qa-checkout
            manual: { title: "Checkout works", roles: [qa], outcomes: [done, failed] }
            on_failure: rollback
          - id: brief
            manual: { title: "Team briefed", roles: [qa] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("rbk-rehearse-fail-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Rehearse_FailOnAFailableManualTask_RollsBack()
    {
        var file = await WriteAsync();

        var result = await CliRunner.RunAsync("rehearse", file, "--approve-all", "--speed", "max", "--fail", "qa-checkout");

        result.ExitCode.Should().Be(3, result.Out + result.Error);
        result.Out.Should().Contain("marked failed by U1: injected failure (rehearsal --fail qa-checkout)");
    }

    [Fact]
    public async Task Rehearse_FailOnAManualTaskThatCannotFail_IsRefused()
    {
        var file = await WriteAsync();

        var result = await CliRunner.RunAsync("rehearse", file, "--approve-all", "--speed", "max", "--fail", "brief");

        result.ExitCode.Should().Be(2, result.Out + result.Error);
        result.Error.Should().Contain("--fail names manual tasks that cannot fail: brief");
    }

    [Fact]
    public async Task Rehearse_ShippedRunbookWithAFailedQaTask_RollsBack()
    {
        var file = Path.Combine(RepositoryRoot.Path, "runbooks", "tutor-marketplace-go-live.yaml");

        var result = await CliRunner.RunAsync("rehearse", file, "--env", "staging", "--approve-all", "--speed", "max", "--fail", "qa-book-and-pay");

        result.ExitCode.Should().Be(3, result.Out + result.Error);
        result.Out.Should().Contain("qa-book-and-pay");
    }

    private async Task<string> WriteAsync()
    {
        var file = Path.Combine(_folder, "qa.yaml");
        await File.WriteAllTextAsync(file, Yaml);
        return file;
    }
}
