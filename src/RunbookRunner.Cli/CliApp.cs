using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using RunbookRunner.Cli.Commands;
using RunbookRunner.Cli.Help;

namespace RunbookRunner.Cli;

/// <summary>The <c>runbook</c> command line: builds the command tree and runs it against given writers.</summary>
public static class CliApp
{
    private static readonly string[] RootExamples =
    [
        "runbook init --output runbooks/my-launch.yaml",
        "runbook validate runbooks/",
        "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00:00+01:00 --env production",
        "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00 --format json",
        "runbook rehearse runbooks/launch-day.yaml --speed max --approve-all",
        "runbook serve --store sqlite:./runbook-runner.db --urls http://127.0.0.1:5080",
        "RUN=$(runbook start runbooks/launch-day.yaml --t0 now --env production | head -1)",
        "runbook status $RUN --format json",
        "runbook report $RUN --format md > launch-report.md",
        "runbook schema --output schemas/runbook.schema.json",
        "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00 --format ics --output launch.ics",
        "runbook graph runbooks/launch-day.yaml --format mermaid",
        "source <(runbook completion bash)",
    ];

    /// <summary>Runs the CLI with <paramref name="args"/>, writing to <paramref name="stdout"/> and <paramref name="stderr"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(stdout, stderr), cancellationToken);

    /// <summary>Runs the CLI in <paramref name="context"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parseResult = BuildRootCommand(context).Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        if (parseResult.CommandResult.Command.Name == ServeCommand.Name)
        {
            // The host itself stops `serve` gracefully on SIGINT/SIGTERM, which may take longer than the default grace.
            configuration.ProcessTerminationTimeout = null;
        }

        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);

        // System.CommandLine reports usage errors with 1; our contract says invalid input is 2.
        return parseResult.Action is ParseErrorAction ? ExitCodes.InvalidInput : exitCode;
    }

    /// <summary>The command tree. Each command lives in its own file under <c>Commands/</c> and is added here.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("RunbookRunner: validate, plan, rehearse and run launch-day runbooks.")
        {
            InitCommand.Create(),
            ValidateCommand.Create(),
            PlanCommand.Create(context),
            RehearseCommand.Create(context),
            ServeCommand.Create(context),
            TokensCommand.Create(context),
            AuditCommand.Create(context),
            StartCommand.Create(context),
            StatusCommand.Create(context),
            ReportCommand.Create(context),
            RunsCommand.Create(context),
            SchemaCommand.Create(),
            GraphCommand.Create(context),
            CompletionCommand.Create(),
        };
        foreach (var command in RunCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction defaultHelp)
        {
            help.Action = new ExamplesHelpAction(defaultHelp, RootExamples);
        }

        root.Options.OfType<VersionOption>().Single().Action = new VersionAction();
        return root;
    }
}
