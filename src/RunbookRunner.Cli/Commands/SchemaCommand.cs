using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Schema.Json;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook schema [--output FILE]</c>: the JSON Schema of runbook files, for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the schema to this file instead of stdout." };
        var command = new CliCommand(
            "schema",
            "Print the JSON Schema of runbook files (keys, descriptions, every action's parameters), for YAML editors. "
            + "Put '# yaml-language-server: $schema=<path>' on a runbook's first line to use it.",
            [
                "runbook schema --output schemas/runbook.schema.json",
                "runbook schema > runbook.schema.json",
            ])
        {
            output,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(output), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? output, TextWriter stdout, TextWriter stderr)
    {
        var text = RunbookJsonSchema.ToJsonText();
        if (output is null)
        {
            stdout.Write(text);
            return ExitCodes.Ok;
        }

        return OutputFile.Write(output, text, stderr);
    }
}
