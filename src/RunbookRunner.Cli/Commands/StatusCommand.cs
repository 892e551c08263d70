using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook status &lt;run&gt; [--format text|json]</c>. Exit code: 0 while running or succeeded, 1 failed or
/// aborted, 3 rolled back.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("run") { Description = "The run id." };
        var format = CommonOptions.Format();
        var client = new ClientOptions();
        var command = new CliCommand(
            "status",
            "Show a run: state, steps, approvals. Exit code 0 (running or succeeded), 1 (failed or aborted), 3 (rolled back).",
            [
                "runbook status 01jb2m3k4n5p6q7r8s9t0v1w2x",
                "runbook status $RUN --format json | jq -r .state",
            ])
        {
            run, format,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => client.RunAsync(parseResult, context, async api =>
        {
            var dto = await api.GetRunAsync(parseResult.GetValue(run)!, cancellationToken);
            if (CommonOptions.ParseFormat(parseResult.GetValue(format)) == OutputFormat.Json)
            {
                CliJson.Write(context.Out, dto);
            }
            else
            {
                RunPrinter.Write(context.Out, dto);
            }

            return ExitCodeOf(dto.State);
        }));
        return command;
    }

    /// <summary>The exit code a run's state maps to (0 also for a run not finished yet).</summary>
    public static int ExitCodeOf(string state) => state switch
    {
        RunStates.Failed or RunStates.Aborted => ExitCodes.RunFailed,
        RunStates.RolledBack => ExitCodes.RolledBack,
        _ => ExitCodes.Ok,
    };
}
