using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// Commands on a run (<c>pause|resume|abort|rollback &lt;run&gt;</c>) and on a step
/// (<c>approve|reject|retry|skip|done|fail &lt;run&gt; &lt;step&gt;</c>). Exit code 0 when applied, 1 when refused, 2 for an unknown run or step.
/// </summary>
internal static class RunCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return ForRun(context, "pause", "Pause a run: no new step starts; running steps finish.", "paused");
        yield return ForRun(context, "resume", "Resume a paused run.", "resumed");
        yield return ForRun(context, "abort", "Abort a run: stop it without rolling back.", "aborted");
        yield return ForRun(context, "rollback", "Roll a run back now: undo completed steps in reverse order, then the rollback list.", "rolling back");
        yield return ForStep(context, "approve", "Approve a step (as your token's Slack user; roles, N of M and forbid_self apply).", "approved");
        yield return ForStep(context, "reject", "Reject a step's approval.", "rejected");
        yield return ForStep(context, "retry", "Retry a failed or interrupted step.", "retrying");
        yield return ForStep(context, "skip", "Skip a step.", "skipped");
        yield return ForStep(context, "done", "Tick off a manual task, or mark a failed or interrupted step done.", "marked done");
        yield return ForStep(context, "fail", "Mark a waiting manual task failed (outcomes [done, failed]): the step fails and its on_failure applies. Give --reason.", "marked failed");
    }

    private static CliCommand ForRun(CliContext context, string name, string description, string past)
    {
        var run = new Argument<string>("run") { Description = "The run id." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit trail and narration.", HelpName = "TEXT" };
        var requestId = RequestId();
        var client = new ClientOptions();
        var command = new CliCommand(name, description, [$"runbook {name} $RUN", $"runbook {name} $RUN --reason \"smoke test red\""]) { run, reason, requestId };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => client.RunAsync(parseResult, context, async api =>
        {
            var id = parseResult.GetValue(run)!;
            var dto = await api.CommandAsync(id, name, Body(parseResult, reason), Key(parseResult, requestId), cancellationToken);
            context.Out.WriteLine($"{id}: {past}; the run is {dto.State}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static CliCommand ForStep(CliContext context, string name, string description, string past)
    {
        var run = new Argument<string>("run") { Description = "The run id." };
        var step = new Argument<string>("step") { Description = "The step id (or guard:ID for a guard's approval)." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit trail and narration.", HelpName = "TEXT" };
        var requestId = RequestId();
        var client = new ClientOptions();
        var command = new CliCommand(name, description, [$"runbook {name} $RUN go-no-go", $"runbook {name} $RUN go-no-go --reason \"checked the dashboards\""]) { run, step, reason, requestId };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => client.RunAsync(parseResult, context, async api =>
        {
            var id = parseResult.GetValue(run)!;
            var stepId = parseResult.GetValue(step)!;
            var dto = await api.CommandAsync(id, $"steps/{Uri.EscapeDataString(stepId)}/{name}", Body(parseResult, reason), Key(parseResult, requestId), cancellationToken);
            var note = dto.Approvals.FirstOrDefault(a => a.Target == stepId) is { Open: true, StillNeeded: > 0 } open
                ? $" ({open.StillNeeded} more approval{(open.StillNeeded == 1 ? "" : "s")} needed{(open.Roles.Count > 0 ? $": {open.Progress}" : "")})"
                : "";
            var state = dto.Steps.FirstOrDefault(s => s.Id == stepId)?.State;
            context.Out.WriteLine($"{stepId}: {past}{note}; the step is {state ?? "n/a"}, the run is {dto.State}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<string?> RequestId() =>
        new("--request-id") { Description = "Idempotency key: the same command sent again with the same key applies once.", HelpName = "ID" };

    private static StepActionRequest Body(ParseResult parseResult, Option<string?> reason) =>
        new() { Reason = parseResult.GetValue(reason) };

    // A fresh key per invocation still protects against a retry of the same HTTP request.
    private static string Key(ParseResult parseResult, Option<string?> requestId) =>
        parseResult.GetValue(requestId) is { Length: > 0 } key ? key : Guid.NewGuid().ToString("N");
}
