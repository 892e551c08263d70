using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook start &lt;file|name&gt;</c>: starts a run on the server and prints its id alone on the first line of
/// stdout. A file is sent as text; anything else names a runbook in the server's runbooks folder.
/// </summary>
internal static class StartCommand
{
    public static Command Create(CliContext context)
    {
        var runbook = new Argument<string>("runbook") { Description = "A runbook file, or the name of a runbook in the server's runbooks folder.", HelpName = "file|name" };
        var t0 = new Option<string>("--t0") { Description = "Launch time: ISO-8601 (2026-06-01T09:00:00+01:00; without an offset it is read in the runbook's time zone) or 'now'.", DefaultValueFactory = _ => "now", HelpName = "ISO|now" };
        var env = new Option<string?>("--env") { Description = "The runbook environment to use.", HelpName = "NAME" };
        var rehearsal = new Option<bool>("--rehearsal") { Description = "Rehearse: actions are simulated." };
        var fail = new Option<string[]>("--fail") { Description = "Rehearsal: make a step fail (STEP, or STEP:N for its first N attempts). Repeatable.", HelpName = "STEP", AllowMultipleArgumentsPerToken = false };
        var approveAll = new Option<bool>("--approve-all") { Description = "Rehearsal: grant every approval automatically." };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key: starting again with the same key returns the same run.", HelpName = "ID" };
        var vars = CommonOptions.Vars();
        var secrets = CommonOptions.Secrets();
        var client = new ClientOptions();
        var command = new CliCommand(
            "start",
            "Start a run on the server; prints the run id alone on the first line of stdout.",
            [
                "runbook start runbooks/launch-day.yaml --t0 2026-06-01T12:00:00+01:00 --env production",
                "runbook start launch-day --rehearsal --approve-all --fail smoke:1",
                "runbook start launch-day --env staging --var app_url=https://staging2.acme.example --secret db_url=env:STAGING2_DATABASE_URL",
                "RUN=$(runbook start launch-day --t0 now | head -1)",
            ])
        {
            runbook, t0, env, vars, secrets, rehearsal, fail, approveAll, requestId,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => client.RunAsync(parseResult, context, async api =>
        {
            var target = parseResult.GetValue(runbook)!;
            var failures = parseResult.GetValue(fail) ?? [];
            var rehearse = parseResult.GetValue(rehearsal) || failures.Length > 0 || parseResult.GetValue(approveAll);
            var (values, sources, errors) = CommonOptions.ParseOverrides(parseResult, vars, secrets);
            if (errors.Count > 0)
            {
                errors.ForEach(e => context.Error.WriteLine($"error: {e}"));
                return ExitCodes.InvalidInput;
            }
            var request = new StartRunRequest
            {
                T0 = parseResult.GetValue(t0),
                Env = parseResult.GetValue(env),
                Vars = values.Count > 0 ? values : null,
                Secrets = sources.Count > 0 ? sources : null,
                Rehearsal = rehearse ? new RehearsalRequest { Fail = failures, ApproveAll = parseResult.GetValue(approveAll) } : null,
                RequestId = parseResult.GetValue(requestId),
            };
            if (File.Exists(target))
            {
                request = request with { Yaml = await File.ReadAllTextAsync(target, cancellationToken), FileName = target };
            }
            else if (target.Contains('/', StringComparison.Ordinal) || target.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                context.Error.WriteLine($"error: no runbook file '{target}'");
                return ExitCodes.InvalidInput;
            }
            else
            {
                request = request with { Runbook = target };
            }

            var run = await api.StartRunAsync(request, cancellationToken);
            context.Out.WriteLine(run.Id);
            context.Error.WriteLine($"started {run.Runbook} ({run.State}{(run.Rehearsal ? ", rehearsal" : "")}), T0 {run.T0:yyyy-MM-dd'T'HH:mm:ssK}; follow it with: runbook status {run.Id}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
