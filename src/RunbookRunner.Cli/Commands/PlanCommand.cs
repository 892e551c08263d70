using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Planning.Calendar;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook plan &lt;file&gt; --t0 ... [--env NAME] [--format text|json|ics] [--output FILE]</c>: preview the timeline.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The runbook file." };
        var t0 = new Option<string>("--t0")
        {
            Description = "Launch time T0: ISO-8601 with an offset (2026-06-01T12:00:00Z), without one (read in the runbook's time zone), or 'now'.",
            Required = true,
        };
        var env = new Option<string?>("--env", "-e") { Description = "The environment to plan for (steps with 'only' elsewhere are skipped)." };
        var format = CommonOptions.Format("ics");
        format.Description = "Output format: text, json, or ics (an iCalendar file: one event per timed step and approval window, in the runbook's time zone).";
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var command = new CliCommand(
            "plan",
            "Preview a runbook's timeline: T-offset, clock time in the runbook's time zone, dependencies, parallel steps, critical path, rollback and guards. "
            + "--format ics exports it for the war room's calendars.",
            [
                "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00:00+01:00",
                "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00 --env production",
                "runbook plan runbooks/launch-day.yaml --t0 now --format json",
                "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00 --env production --format ics --output launch.ics",
            ])
        {
            file,
            t0,
            env,
            format,
            output,
        };

        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(t0)!,
            parseResult.GetValue(env),
            parseResult.GetValue(format) ?? "text",
            parseResult.GetValue(output),
            context.Time,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string file, string t0Text, string? environment, string format, string? output, TimeProvider time, TextWriter stdout, TextWriter stderr)
    {
        var loaded = RunbookLoader.LoadFile(file);
        DiagnosticPrinter.Write(stderr, loaded.Diagnostics);
        if (!loaded.Succeeded)
        {
            stderr.WriteLine($"{file}: the runbook has errors; fix them to see a plan");
            return ExitCodes.InvalidInput;
        }

        var runbook = loaded.Runbook!;
        if (!LaunchTime.TryParse(t0Text, runbook.TimeZone, time, out var t0, out var error))
        {
            stderr.WriteLine($"error: --t0: {error}");
            return ExitCodes.InvalidInput;
        }

        if (environment is not null && !runbook.Environments.ContainsKey(environment))
        {
            var known = runbook.Environments.Count == 0 ? "defines no environments" : $"defines: {string.Join(", ", runbook.Environments.Keys)}";
            stderr.WriteLine($"error: --env: unknown environment '{environment}'; {runbook.Name} {known}");
            return ExitCodes.InvalidInput;
        }

        var plan = RunPlanner.Plan(runbook, t0, environment);
        using var text = new StringWriter();
        switch (format.ToLowerInvariant())
        {
            case "json":
                CliJson.Write(text, PlanDocumentMapper.Map(plan));
                break;
            case "ics":
                text.Write(PlanCalendar.Write(plan, runbook, time.GetUtcNow()));
                break;
            default:
                PlanTextPrinter.Write(plan, text);
                break;
        }

        if (output is not null)
        {
            return OutputFile.Write(output, text.ToString(), stderr);
        }

        stdout.Write(text.ToString());
        return ExitCodes.Ok;
    }
}
