using System.CommandLine;

namespace RunbookRunner.Cli.Help;

/// <summary>A subcommand whose <c>--help</c> ends with usage examples.</summary>
internal sealed class CliCommand(string name, string description, IReadOnlyList<string> examples) : Command(name, description)
{
    public IReadOnlyList<string> Examples { get; } = examples;
}
