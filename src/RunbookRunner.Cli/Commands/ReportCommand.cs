using System.CommandLine;
using RunbookRunner.Cli.Help;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook report &lt;run&gt; [--format md|html|json]</c>: the launch report as the server renders it, on stdout.
/// Exit code 0 (also for a failed run: the report itself was produced), 2 for an unknown run.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("run") { Description = "The run id." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "md (Markdown, for the retrospective), html (one page with the timeline picture) or json.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var client = new ClientOptions();
        var command = new CliCommand(
            "report",
            "Print a run's launch report: planned vs actual per step, lateness, approvals, failures and retries, rollback, guard readings, audit trail.",
            [
                "runbook report 01jb2m3k4n5p6q7r8s9t0v1w2x",
                "runbook report $RUN --format html > launch-report.html",
                "runbook report $RUN --format json | jq .totalLateness",
            ])
        {
            run, format,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => client.RunAsync(parseResult, context, async api =>
        {
            var text = await api.GetReportAsync(parseResult.GetValue(run)!, parseResult.GetValue(format) ?? "md", cancellationToken);
            await context.Out.WriteAsync(text);
            if (!text.EndsWith('\n'))
            {
                await context.Out.WriteLineAsync();
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
