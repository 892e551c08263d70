using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Planning.Graph;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook graph &lt;file&gt; [--format mermaid|dot] [--env NAME] [--output FILE]</c>: the runbook as a diagram.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The runbook file." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "mermaid (renders in GitHub Markdown inside a ```mermaid block) or dot (Graphviz).",
            DefaultValueFactory = _ => "mermaid",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var env = new Option<string?>("--env", "-e") { Description = "The environment whose rollback order is shown (steps with 'only' elsewhere are left out of it)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var command = new CliCommand(
            "graph",
            "Draw a runbook: steps with their dependencies, approval gates, undo actions, the rollback sequence and guards.",
            [
                "runbook graph runbooks/launch-day.yaml",
                "runbook graph runbooks/launch-day.yaml --format dot | dot -Tsvg > launch-day.svg",
                "runbook graph runbooks/launch-day.yaml --output docs/launch-day.mmd",
            ])
        {
            file,
            format,
            env,
            output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(format)!,
            parseResult.GetValue(env),
            parseResult.GetValue(output),
            context.Time,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string file, string format, string? environment, string? output, TimeProvider time, TextWriter stdout, TextWriter stderr)
    {
        var loaded = RunbookLoader.LoadFile(file);
        DiagnosticPrinter.Write(stderr, loaded.Diagnostics);
        if (!loaded.Succeeded)
        {
            stderr.WriteLine($"{file}: the runbook has errors; fix them to see its graph");
            return ExitCodes.InvalidInput;
        }

        var runbook = loaded.Runbook!;
        if (environment is not null && !runbook.Environments.ContainsKey(environment))
        {
            stderr.WriteLine($"error: --env: unknown environment '{environment}'");
            return ExitCodes.InvalidInput;
        }

        // The rollback order depends on the planned completion order, not on the launch time itself.
        var graph = RunbookGraph.Build(runbook, RunPlanner.Plan(runbook, time.GetUtcNow(), environment));
        var text = format == "dot" ? DotGraphWriter.Write(graph) : MermaidGraphWriter.Write(graph);
        if (output is not null)
        {
            return OutputFile.Write(output, text, stderr);
        }

        stdout.Write(text);
        return ExitCodes.Ok;
    }
}
