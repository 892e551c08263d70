using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public sealed class ExportCommandTests
{
    private static string LaunchDay => Path.Combine(RepositoryRoot.Path, "runbooks", "launch-day.yaml");

    [Fact]
    public async Task Plan_FormatIcs_PrintsACalendarInTheRunbooksZone()
    {
        var result = await CliRunner.RunAsync("plan", LaunchDay, "--t0", "2026-06-01T12:00", "--env", "production", "--format", "ics");

        result.ExitCode.Should().Be(0, result.Error);
        // The runner normalises CRLF to LF; the file test below checks the CRLF line ends.
        result.Out.Should().StartWith("BEGIN:VCALENDAR\n").And.EndWith("END:VCALENDAR\n");
        result.Out.Should().Contain("TZID:Europe/London\n").And.Contain("DTSTART;TZID=Europe/London:20260601T060000\n");
        result.Out.Should().Contain($"DTSTAMP:{CliRunner.Now:yyyyMMdd'T'HHmmss'Z'}\n");
    }

    [Fact]
    public async Task Plan_FormatIcsWithOutput_WritesTheFile()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "launch.ics");

        var result = await CliRunner.RunAsync("plan", LaunchDay, "--t0", "2026-06-01T12:00", "--format", "ics", "--output", file);

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().BeEmpty();
        File.ReadAllText(file).Should().StartWith("BEGIN:VCALENDAR\r\n").And.Contain("\r\nBEGIN:VEVENT\r\n").And.EndWith("END:VCALENDAR\r\n");
    }

    [Theory]
    [InlineData("mermaid", "flowchart TD", "n_step_cdns_hcutover -.->|undo| n_undo_cdns_hcutover")]
    [InlineData("dot", "digraph \"launch-day\" {", "\"step:dns-cutover\" -> \"undo:dns-cutover\"")]
    public async Task Graph_Format_DrawsTheRunbook(string format, string start, string undoEdge)
    {
        var result = await CliRunner.RunAsync("graph", LaunchDay, "--format", format);

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().StartWith(start).And.Contain(undoEdge);
    }

    [Fact]
    public async Task Graph_InvalidRunbook_ExitsTwo()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken.yaml", "name: broken\nsteps:\n  - id: a\n    wiat: 1m\n");

        var result = await CliRunner.RunAsync("graph", file);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("RB0");
    }
}
