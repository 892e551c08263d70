using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Cli.Rehearsal;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Rehearsal;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook rehearse &lt;file&gt;</c>: the same engine in one process, actions simulated, time
/// compressed, approvals granted or asked at the terminal, failures injected.
/// </summary>
internal static class RehearseCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The runbook file." };
        var t0 = new Option<string?>("--t0") { Description = "Launch time T0 (ISO-8601 or 'now'). Default: so that the earliest timed step starts now." };
        var env = new Option<string?>("--env", "-e") { Description = "The environment to rehearse (default: the first one the runbook declares)." };
        var speed = new Option<string>("--speed")
        {
            Description = "Virtual seconds per real second, or 'max' to jump to the next due time whenever nothing else happens.",
            DefaultValueFactory = _ => "max",
        };
        var approveAll = new Option<bool>("--approve-all") { Description = "Grant every approval and tick off every manual task as the eligible people." };
        var fail = new Option<string[]>("--fail")
        {
            Description = "Make a step, gate, guard or manual task (outcomes [done, failed]) fail: STEP (every attempt) or STEP:N (the first N). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var onFailure = new Option<string>("--on-failure")
        {
            Description = "What an unattended rehearsal chooses when a failure pauses the run.",
            DefaultValueFactory = _ => "rollback",
        };
        onFailure.AcceptOnlyFromAmong("rollback", "abort", "retry", "skip");
        var store = new Option<string?>("--store") { Description = "Store for the rehearsal journal (default: a throwaway SQLite file)." };
        var vars = CommonOptions.Vars();
        var secrets = CommonOptions.Secrets();
        var live = new Option<bool>("--live")
        {
            Description = "Dress rehearsal: run the actions for real (against the environment given with --env, which is then required) on the compressed clock.",
        };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON settings file for the actions (GitHub:BaseUrl, Cloudflare:ApiBaseUrl, Slack:ApiBaseUrl, Actions:DnsOverHttpsUrl, ...); environment variables (GitHub__Token) apply too.",
            HelpName = "FILE",
        };
        var command = new CliCommand(
            "rehearse",
            "Rehearse a runbook end to end: the real engine and journal, simulated actions, compressed time, narration of every event with plan vs actual times, and a summary. Exit 0 succeeded, 3 rolled back, 1 otherwise.",
            [
                "runbook rehearse runbooks/launch-day.yaml --speed max --approve-all",
                "runbook rehearse runbooks/launch-day.yaml --env staging --approve-all --fail smoke",
                "runbook rehearse runbooks/launch-day.yaml --speed 600",
                "runbook rehearse runbooks/launch-day.yaml --env staging --live --approve-all --config staging-actions.json --secret db_url=env:STAGING_DATABASE_URL",
            ])
        {
            file, t0, env, speed, approveAll, fail, onFailure, store, vars, secrets, live, config,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult,
            new RehearsalInputs(vars, secrets, live, config, env),
            parseResult.GetValue(file)!,
            parseResult.GetValue(t0),
            parseResult.GetValue(env),
            parseResult.GetValue(speed)!,
            parseResult.GetValue(approveAll),
            parseResult.GetValue(fail) ?? [],
            Enum.Parse<FailureChoice>(parseResult.GetValue(onFailure)!, ignoreCase: true),
            parseResult.GetValue(store),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parseResult, RehearsalInputs inputs, string file, string? t0Text, string? environment, string speedText, bool approveAll, string[] failures,
        FailureChoice onFailure, string? store, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = RunbookLoader.LoadFile(file);
        DiagnosticPrinter.Write(stderr, loaded.Diagnostics);
        if (!loaded.Succeeded)
        {
            stderr.WriteLine($"{file}: the runbook has errors; fix them before rehearsing");
            return ExitCodes.InvalidInput;
        }

        var runbook = loaded.Runbook!;
        if (environment is not null && !runbook.Environments.ContainsKey(environment))
        {
            stderr.WriteLine($"{file}: unknown environment '{environment}' (declared: {string.Join(", ", runbook.Environments.Keys)})");
            return ExitCodes.InvalidInput;
        }

        if (environment is null && runbook.Environments.Count > 0)
        {
            // Rehearsals default to the first environment declared, usually the safest one.
            environment = runbook.Environments.Keys.First();
        }

        double? speed = null;
        if (speedText != "max")
        {
            if (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0)
            {
                stderr.WriteLine($"--speed '{speedText}' is not a positive number or 'max'");
                return ExitCodes.InvalidInput;
            }

            speed = s;
        }

        var unknown = failures.Select(f => f.Split(':')[0]).Where(id => runbook.FindStep(id) is null && runbook.Guards.All(g => g.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"--fail names no step or guard of {runbook.Name}: {string.Join(", ", unknown)}");
            return ExitCodes.InvalidInput;
        }

        var unfailable = failures.Select(f => f.Split(':')[0]).Where(id => runbook.FindStep(id)?.Manual is { CanFail: false }).ToList();
        if (unfailable.Count > 0)
        {
            stderr.WriteLine($"--fail names manual tasks that cannot fail: {string.Join(", ", unfailable)} (give them outcomes: [done, failed])");
            return ExitCodes.InvalidInput;
        }

        var (values, sources, errors) = CommonOptions.ParseOverrides(parseResult, inputs.Vars, inputs.Secrets);
        var live = parseResult.GetValue(inputs.Live);
        if (live && parseResult.GetValue(inputs.Env) is null)
        {
            errors.Add("--live runs real actions: name the environment they act on with --env");
        }

        if (live && failures.Length > 0)
        {
            errors.Add("--fail injects failures into simulated actions; a --live rehearsal runs real ones (break the staging service instead)");
        }

        var configFile = parseResult.GetValue(inputs.Config);
        if (configFile is not null && !File.Exists(configFile))
        {
            errors.Add($"--config: no such file '{configFile}'");
        }

        var settings = new RunSettings { Variables = values, SecretSources = sources, WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) };
        errors.AddRange(settings.Validate(runbook, environment));
        if (errors.Count > 0)
        {
            errors.ForEach(e => stderr.WriteLine($"error: {e}"));
            return ExitCodes.InvalidInput;
        }

        var configuration = new ConfigurationBuilder();
        if (configFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        var wall = Stopwatch.StartNew();
        RehearsalSession opened;
        try
        {
            opened = await RehearsalSession.OpenAsync(store, stdout, stderr, context.Time, configuration.AddEnvironmentVariables().Build(), live, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            ex.Failures.ToList().ForEach(f => stderr.WriteLine($"error: {f}"));
            return ExitCodes.InvalidInput;
        }

        await using var session = opened;
        DateTimeOffset launch;
        if (t0Text is null)
        {
            launch = DefaultT0(runbook, session.Clock.GetUtcNow());
        }
        else if (!LaunchTime.TryParse(t0Text, runbook.TimeZone, context.Time, out launch, out var error))
        {
            stderr.WriteLine($"--t0: {error}");
            return ExitCodes.InvalidInput;
        }

        stdout.WriteLine($"{(live ? "Dress-rehearsing (real actions)" : "Rehearsing")} {runbook.Title ?? runbook.Name} ({Path.GetFileName(file)}){(environment is null ? "" : $" in {environment}")}, T0 {launch:yyyy-MM-dd HH:mm:ss zzz}, speed {speedText}");
        var yaml = await File.ReadAllTextAsync(file, cancellationToken);
        var end = await session.RunAsync(
            new StartRunRequest
            {
                RunbookYaml = yaml,
                SourcePath = file,
                T0 = launch,
                Environment = environment,
                StartedBy = Environment.UserName,
                Source = "cli",
                Rehearsal = live ? null : RehearsalSettings.WithFailures(failures, approveAll),
                Settings = settings,
            },
            new RehearsalOptions { Speed = speed, ApproveAll = approveAll, OnPause = onFailure },
            new TerminalPrompter(approveAll ? null : context.In, stdout),
            cancellationToken);
        RehearsalSummaryPrinter.Write(stdout, end, RunPlanner.Plan(runbook, launch, environment), wall.Elapsed);
        return end.Status switch
        {
            RunStatus.Succeeded => ExitCodes.Ok,
            RunStatus.RolledBack => ExitCodes.RolledBack,
            _ => ExitCodes.RunFailed,
        };
    }

    /// <summary>The options that only reach the action through the parse result.</summary>
    private sealed record RehearsalInputs(Option<string[]> Vars, Option<string[]> Secrets, Option<bool> Live, Option<string?> Config, Option<string?> Env);

    /// <summary>T0 such that the earliest timed step is due now: a rehearsal starts on plan.</summary>
    private static DateTimeOffset DefaultT0(Runbook runbook, DateTimeOffset now)
    {
        var earliest = runbook.Steps.Where(s => s.At is not null).Select(s => s.At!.Value.Offset).DefaultIfEmpty(TimeSpan.Zero).Min();
        return now + (earliest < TimeSpan.Zero ? earliest.Negate() : TimeSpan.Zero);
    }
}
