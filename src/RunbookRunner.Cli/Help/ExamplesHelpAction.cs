using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace RunbookRunner.Cli.Help;

/// <summary>Writes the standard help, then an "Examples:" section for the command asked about.</summary>
internal sealed class ExamplesHelpAction(HelpAction inner, IReadOnlyList<string> rootExamples) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = inner.Invoke(parseResult);
        var examples = parseResult.CommandResult.Command switch
        {
            CliCommand command => command.Examples,
            RootCommand => rootExamples,
            _ => [],
        };

        if (examples.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return result;
    }
}
