using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public class ShippedRunbooksTests
{
    public static TheoryData<string> RunbookFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "runbooks"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public async Task Validate_RunbooksFolder_EveryFileIsOk()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "runbooks");

        var result = await CliRunner.RunAsync("validate", folder);

        result.ExitCode.Should().Be(0, result.Error);
        result.OutLines.Should().HaveCountGreaterThanOrEqualTo(RunbookFiles().Count).And.OnlyContain(l => l.StartsWith("OK ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RunbookFiles))]
    public async Task Plan_ShippedRunbook_PlansAsTextAndJson(string name)
    {
        var file = Path.Combine(RepositoryRoot.Path, "runbooks", name);
        var first = await CliRunner.RunAsync("plan", file, "--t0", "2026-06-01T12:00", "--format", "json");
        first.ExitCode.Should().Be(0, first.Error);
        using (var json = JsonDocument.Parse(first.Out))
        {
            json.RootElement.GetProperty("steps").GetArrayLength().Should().BePositive();
            json.RootElement.GetProperty("criticalPath").GetArrayLength().Should().BePositive();
        }

        var text = await CliRunner.RunAsync("plan", file, "--t0", "2026-06-01T12:00");
        text.ExitCode.Should().Be(0, text.Error);
        text.Out.Should().Contain("T-OFFSET").And.Contain("Critical path:");
    }

    [Theory]
    [MemberData(nameof(RunbookFiles))]
    public async Task Rehearse_ShippedRunbook_SucceedsEndToEndOnStaging(string name)
    {
        var file = Path.Combine(RepositoryRoot.Path, "runbooks", name);

        var rehearsal = await CliRunner.RunAsync("rehearse", file, "--env", "staging", "--approve-all", "--speed", "max");

        rehearsal.ExitCode.Should().Be(0, rehearsal.Out + rehearsal.Error);
        rehearsal.Out.Should().Contain("Rehearsal succeeded");
    }
}
