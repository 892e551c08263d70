using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Init;
using RunbookRunner.Cli.Output;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook init [--template launch-day|minimal] [--output FILE] [--force]</c>: scaffold a commented runbook.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var template = new Option<string>("--template", "-t")
        {
            Description = "launch-day: the full go-live sequence with approvals, undo, guards and rollback; minimal: one approval, one command, one check.",
            DefaultValueFactory = _ => RunbookTemplates.Default,
        };
        template.AcceptOnlyFromAmong(RunbookTemplates.Names);
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to create ('-' for stdout). The runbook's name is made from the file name.",
            DefaultValueFactory = _ => "runbook.yaml",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new CliCommand(
            "init",
            "Create a commented runbook to start from; it validates and rehearses as generated.",
            [
                "runbook init --output runbooks/checkout-launch.yaml",
                "runbook init --template minimal --output hello.yaml && runbook rehearse hello.yaml --approve-all",
                "runbook init --template launch-day --output - | less",
            ])
        {
            template,
            output,
            force,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(template)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(force),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string template, string output, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (output == "-")
        {
            stdout.Write(RunbookTemplates.Render(template, "runbook.yaml"));
            return ExitCodes.Ok;
        }

        var exitCode = OutputFile.Write(output, RunbookTemplates.Render(template, output), stderr, overwrite: force);
        if (exitCode == ExitCodes.Ok)
        {
            stdout.WriteLine($"Created {output} from the {template} template. Next:");
            stdout.WriteLine($"  runbook validate {output}");
            stdout.WriteLine($"  runbook plan {output} --t0 now");
            stdout.WriteLine($"  runbook rehearse {output} --approve-all" + (template == "launch-day" ? " --env staging" : string.Empty));
        }

        return exitCode;
    }
}
