using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Planning;

namespace RunbookRunner.Cli.Commands;

/// <summary><c>runbook plan &lt;file&gt; --t0 ... [--env NAME] [--format text|json]</c>: preview the timeline.</summary>
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
        var format = CommonOptions.Format();
        var command = new CliCommand(
            "plan",
            "Preview a runbook's timeline: T-offset, clock time in the runbook's time zone, dependencies, parallel steps, critical path, rollback and guards.",
            [
                "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00:00+01:00",
                "runbook plan runbooks/launch-day.yaml --t0 2026-06-01T12:00 --env production",
                "runbook plan runbooks/launch-day.yaml --t0 now --format json",
            ])
        {
            file,
            t0,
            env,
            format,
        };

        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(t0)!,
            parseResult.GetValue(env),
            CommonOptions.ParseFormat(parseResult.GetValue(format)),
            context.Time,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string file, string t0Text, string? environment, OutputFormat format, TimeProvider time, TextWriter stdout, TextWriter stderr)
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
        if (format == OutputFormat.Json)
        {
            CliJson.Write(stdout, PlanDocumentMapper.Map(plan));
        }
        else
        {
            PlanTextPrinter.Write(plan, stdout);
        }

        return ExitCodes.Ok;
    }
}
