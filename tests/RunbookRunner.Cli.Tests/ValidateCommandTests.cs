using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Validate_ValidFile_PrintsOkWithStepCountAndExitsZero()
    {
        var file = _folder.Write("mini.yaml", Runbooks.Mini);

        var result = await CliRunner.RunAsync("validate", file);

        result.ExitCode.Should().Be(0, result.Error);
        result.OutLines.Should().Equal($"OK {file} (6 steps)");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_Folder_ValidatesEveryYamlFileInside()
    {
        var first = _folder.Write("a/first.yaml", Runbooks.Mini);
        var second = _folder.Write("a/nested/second.yml", Runbooks.Mini.Replace("name: mini", "name: second", StringComparison.Ordinal));
        _folder.Write("a/notes.txt", "not a runbook");

        var result = await CliRunner.RunAsync("validate", Path.Combine(_folder.Path, "a"));

        result.ExitCode.Should().Be(0, result.Error);
        result.OutLines.Should().Equal($"OK {first} (6 steps)", $"OK {second} (6 steps)");
    }

    [Fact]
    public async Task Validate_FileWithErrors_PrintsEveryDiagnosticOnStderrAndExitsTwo()
    {
        var good = _folder.Write("good.yaml", Runbooks.Mini);
        var broken = _folder.Write("broken.yaml", Runbooks.Broken);

        var result = await CliRunner.RunAsync("validate", good, broken);

        result.ExitCode.Should().Be(2);
        result.OutLines.Should().Equal($"OK {good} (6 steps)");
        result.ErrorLines.Should().Contain(l => l.StartsWith($"{broken}:8:5: error RB010:", StringComparison.Ordinal) && l.Contains("tiemout", StringComparison.Ordinal));
        result.ErrorLines.Should().Contain(l => l.StartsWith($"{broken}:10:13:", StringComparison.Ordinal) && l.Contains("error RB031", StringComparison.Ordinal));
        result.ErrorLines.Last().Should().Be("2 errors, 0 warnings in 1 of 2 files");
    }

    [Fact]
    public async Task Validate_FolderWithBrokenFilesAmongGoodOnes_ListsEveryFileAndReportsEveryErrorOnStderr()
    {
        var good1 = _folder.Write("f/a-good.yaml", Runbooks.Mini);
        var broken1 = _folder.Write("f/b-broken.yaml", Runbooks.Broken);
        var good2 = _folder.Write("f/c-good.yaml", Runbooks.Mini.Replace("name: mini", "name: other", StringComparison.Ordinal));
        var broken2 = _folder.Write("f/d-syntax.yaml", "name: t\nsteps:\n  - id: a\n    wait: \"1m\n");

        var result = await CliRunner.RunAsync("validate", Path.Combine(_folder.Path, "f"));

        result.ExitCode.Should().Be(2);
        result.OutLines.Should().Equal($"OK {good1} (6 steps)", $"OK {good2} (6 steps)");
        result.ErrorLines.Should().Contain(l => l.StartsWith($"{broken1}:8:5: error RB010:", StringComparison.Ordinal));
        result.ErrorLines.Should().Contain(l => l.StartsWith($"{broken1}:10:13: error RB031:", StringComparison.Ordinal));
        result.ErrorLines.Should().Contain(l => l.StartsWith($"{broken2}:4:11: error RB001:", StringComparison.Ordinal));
        result.ErrorLines.Last().Should().Be("3 errors, 0 warnings in 2 of 4 files");
    }

    [Fact]
    public async Task Validate_MissingFile_ReportsItAndExitsTwo()
    {
        var missing = Path.Combine(_folder.Path, "nope.yaml");

        var result = await CliRunner.RunAsync("validate", missing);

        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
        result.ErrorLines.Should().Contain(l => l.StartsWith($"{missing}:1:1: error RB000:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FolderWithoutRunbooks_ExitsTwo()
    {
        var empty = Path.Combine(_folder.Path, "empty");
        Directory.CreateDirectory(empty);

        var result = await CliRunner.RunAsync("validate", empty);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("no runbook files");
    }

    [Fact]
    public async Task Validate_JsonFormat_PrintsEveryFileWithItsDiagnostics()
    {
        var good = _folder.Write("good.yaml", Runbooks.Mini);
        var broken = _folder.Write("broken.yaml", Runbooks.Broken);

        var result = await CliRunner.RunAsync("validate", good, broken, "--format", "json");

        result.ExitCode.Should().Be(2);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).Should().Equal(good, broken);

        files[0].GetProperty("ok").GetBoolean().Should().BeTrue();
        files[0].GetProperty("steps").GetInt32().Should().Be(6);

        files[1].GetProperty("ok").GetBoolean().Should().BeFalse();
        var diagnostic = files[1].GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "RB010");
        diagnostic.GetProperty("severity").GetString().Should().Be("error");
        diagnostic.GetProperty("file").GetString().Should().Be(broken);
        diagnostic.GetProperty("line").GetInt32().Should().Be(8);
        diagnostic.GetProperty("column").GetInt32().Should().Be(5);
        diagnostic.GetProperty("message").GetString().Should().Contain("tiemout");
    }

    [Fact]
    public async Task Validate_NoArguments_ExitsTwoWithUsage()
    {
        var result = await CliRunner.RunAsync("validate");

        result.ExitCode.Should().Be(2);
        result.Error.Should().NotBeEmpty();
    }
}
