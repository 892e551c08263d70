using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;
using RunbookRunner.Core.Schema.Json;

namespace RunbookRunner.Cli.Tests;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Schema_WithoutOutput_PrintsTheGeneratedSchema()
    {
        var result = await CliRunner.RunAsync("schema");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Be(RunbookJsonSchema.ToJsonText());
    }

    [Fact]
    public async Task Schema_WithOutput_WritesTheFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "schemas", "runbook.schema.json");

        var result = await CliRunner.RunAsync("schema", "--output", path);

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllText(path).Should().Be(RunbookJsonSchema.ToJsonText());
    }
}
