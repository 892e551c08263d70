using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook runs [--state S]... [--runbook NAME] [--limit N]</c>: lists runs, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var state = new Option<string[]>("--state") { Description = "Only runs in this state (repeatable): running, paused, succeeded, ...", HelpName = "STATE" };
        var runbook = new Option<string?>("--runbook") { Description = "Only runs of this runbook.", HelpName = "NAME" };
        var limit = new Option<int>("--limit") { Description = "How many runs (1 to 500).", DefaultValueFactory = _ => 20 };
        var format = CommonOptions.Format();
        var client = new ClientOptions();
        var command = new CliCommand(
            "runs",
            "List runs, newest first.",
            ["runbook runs", "runbook runs --state running --state paused", "runbook runs --runbook launch-day --format json"])
        {
            state, runbook, limit, format,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => client.RunAsync(parseResult, context, async api =>
        {
            var page = await api.ListRunsAsync(parseResult.GetValue(state) ?? [], parseResult.GetValue(runbook), Math.Clamp(parseResult.GetValue(limit), 1, 500), null, cancellationToken);
            if (CommonOptions.ParseFormat(parseResult.GetValue(format)) == OutputFormat.Json)
            {
                CliJson.Write(context.Out, page);
            }
            else
            {
                RunPrinter.WriteList(context.Out, page.Items);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
