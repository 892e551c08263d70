using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public sealed class InitCommandTests
{
    [Theory]
    [InlineData("launch-day", "staging")]
    [InlineData("minimal", null)]
    public async Task Init_Template_ValidatesAndRehearsesAsGenerated(string template, string? environment)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "checkout-launch.yaml");

        var init = await CliRunner.RunAsync("init", "--template", template, "--output", file);
        init.ExitCode.Should().Be(0, init.Error);
        File.ReadAllText(file).Should().MatchRegex(@"(?m)^name: checkout-launch\s").And.Contain("\n# ").And.Contain("runbook rehearse checkout-launch.yaml");

        var validate = await CliRunner.RunAsync("validate", file);
        validate.ExitCode.Should().Be(0, validate.Error);
        validate.Error.Should().NotContain("warning", "a newcomer's first runbook should be clean");

        string[] rehearse = ["rehearse", file, "--approve-all", "--speed", "max", .. environment is null ? Array.Empty<string>() : ["--env", environment]];
        var rehearsal = await CliRunner.RunAsync(rehearse);
        rehearsal.ExitCode.Should().Be(0, rehearsal.Out + rehearsal.Error);
        rehearsal.Out.Should().Contain("Rehearsal succeeded");
    }

    [Fact]
    public async Task Init_ExistingFile_RefusesWithoutForce()
    {
        using var folder = new TempFolder();
        var file = folder.Write("runbook.yaml", "name: mine\n");

        var refused = await CliRunner.RunAsync("init", "--output", file);
        var forced = await CliRunner.RunAsync("init", "--output", file, "--force");

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("already exists");
        forced.ExitCode.Should().Be(0, forced.Error);
        File.ReadAllText(file).Should().Contain("name: runbook\n");
    }

    [Fact]
    public async Task Init_OutputDash_PrintsTheRunbook()
    {
        var result = await CliRunner.RunAsync("init", "--template", "minimal", "--output", "-");

        result.ExitCode.Should().Be(0);
        result.Out.Should().StartWith("# A minimal runbook").And.Contain("steps:");
    }
}
