using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook validate &lt;files or folders&gt;...</c>: check runbooks and report every problem at once.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Runbook files, or folders searched for *.yaml and *.yml.",
            HelpName = "files or folders",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format();
        var command = new CliCommand(
            "validate",
            "Check runbook files: prints 'OK <file> (N steps)' per valid file; diagnostics go to stderr. Exit code 2 when any file has an error.",
            [
                "runbook validate runbooks/launch-day.yaml",
                "runbook validate runbooks/ other/release.yaml",
                "runbook validate runbooks/ --format json",
            ])
        {
            paths,
            format,
        };

        command.SetAction(parseResult => Run(
            parseResult.GetValue(paths) ?? [],
            CommonOptions.ParseFormat(parseResult.GetValue(format)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<FileValidation>();
        foreach (var folder in paths.Where(p => Directory.Exists(p) && !RunbookLoader.FindRunbookFiles([p]).Any()))
        {
            // An empty folder is a mistake worth failing on: a CI job would otherwise validate nothing and pass.
            files.Add(new FileValidation(folder, null, [new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.FileUnreadable,
                "no runbook files (*.yaml, *.yml) in this folder",
                new SourceLocation(folder, 1, 1))]));
        }

        foreach (var path in RunbookLoader.FindRunbookFiles(paths))
        {
            var result = RunbookLoader.LoadFile(path);
            files.Add(new FileValidation(path, result.Runbook?.Steps.Count, result.Diagnostics));
        }

        ValidationPrinter.Write(files, format, stdout, stderr);
        return files.All(f => f.Ok) ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
