using System.Reflection;
using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public class RootCommandTests
{
    [Fact]
    public async Task Version_PrintsTheAssemblyVersion()
    {
        var expected = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        var result = await CliRunner.RunAsync("--version");

        result.ExitCode.Should().Be(0);
        result.Out.Trim().Should().Be(expected);
    }

    [Fact]
    public async Task Help_ListsCommandsAndExamples()
    {
        var result = await CliRunner.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("validate").And.Contain("plan");
        result.Out.Should().Contain("Examples:").And.Contain("runbook validate runbooks/");
    }

    [Fact]
    public async Task Help_ForPlan_ShowsItsOptionsAndExamples()
    {
        var result = await CliRunner.RunAsync("plan", "--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("--t0").And.Contain("--env").And.Contain("--format");
        result.Out.Should().Contain("Examples:").And.Contain("--t0 now --format json");
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("launch-now");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("launch-now");
    }

    [Fact]
    public async Task UnknownFormat_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate", "x.yaml", "--format", "xml");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("xml");
    }
}
