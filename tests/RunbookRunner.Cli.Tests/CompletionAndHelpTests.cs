using System.CommandLine;
using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public sealed class CompletionAndHelpTests
{
    public static TheoryData<string> Commands()
    {
        var root = CliApp.BuildRootCommand(new CliContext(TextWriter.Null, TextWriter.Null));
        var data = new TheoryData<string>();
        foreach (var path in Paths(root, []))
        {
            data.Add(string.Join(' ', path));
        }

        return data;

        static IEnumerable<string[]> Paths(Command command, string[] prefix) =>
            command.Subcommands.SelectMany(c => c.Subcommands.Count == 0 ? [[.. prefix, c.Name]] : Paths(c, [.. prefix, c.Name]));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_ShowsExamples(string command)
    {
        var result = await CliRunner.RunAsync([.. command.Split(' '), "--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Examples:").And.Contain("  runbook " + command.Split(' ')[0]);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _runbook_complete runbook")]
    [InlineData("zsh", "#compdef runbook")]
    public async Task Completion_Shell_PrintsAScriptUsingTheSuggestDirective(string shell, string marker)
    {
        var result = await CliRunner.RunAsync("completion", shell);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain(marker).And.Contain("runbook \"[suggest:");
    }

    [Theory]
    [InlineData("runbook pla", "plan")]
    [InlineData("runbook plan x.yaml --format ", "ics")]
    [InlineData("runbook graph x.yaml --format ", "mermaid")]
    [InlineData("runbook init --template ", "minimal")]
    public async Task SuggestDirective_PartialCommandLine_SuggestsCompletions(string line, string expected)
    {
        var result = await CliRunner.RunAsync($"[suggest:{line.Length}]", line);

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().Contain(expected);
    }
}
