using System.Globalization;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Background;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Interactivity;
using RunbookRunner.Slack.Messages;

namespace RunbookRunner.Slack.Commands;

/// <summary>
/// <c>/runbook start &lt;runbook&gt; [t0] [env] [rehearsal]</c>, <c>status [run]</c>, <c>pause|resume|abort &lt;run&gt;</c>.
/// The immediate answer is a short private acknowledgement (Slack allows 3 seconds); the work continues in the
/// background and its result arrives through the command's <c>response_url</c>: privately for status and
/// refusals, in the channel for what the war room must know (a run started, paused, resumed, aborted).
/// </summary>
public sealed class SlashCommandHandler(
    RunEngine engine,
    IRunStore runs,
    RunbookDirectory directory,
    WarRoomSubmitter submitter,
    WarRoomPermissions permissions,
    SlackBackgroundWork work,
    Func<ISlackClient> slack,
    TimeProvider time,
    ILogger<SlashCommandHandler> logger)
{
    /// <summary>What <c>/runbook help</c> shows.</summary>
    public const string Help = """
        *RunbookRunner*
        • `/runbook start <runbook> [t0] [env] [rehearsal]` — start a run; t0 is `now` (default), `+2h` or an ISO time such as `2026-12-01T18:00Z`
        • `/runbook status [run]` — runs in progress, or one run (its id, or its runbook's name)
        • `/runbook pause <run>` · `/runbook resume <run>` · `/runbook abort <run> [reason]`
        Only people in the runbook's roles may start, pause, resume or abort.
        """;

    /// <summary>Handles a verified command; returns the private text to answer with now.</summary>
    public string Handle(SlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var args = command.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sub = args.Length == 0 ? "help" : args[0].ToLowerInvariant();
        var reply = new SlackReplyTarget(command.UserId, command.ResponseUrl, command.ChannelId, null);
        var key = $"slack:cmd:{command.TriggerId}";
        switch (sub)
        {
            case "help":
                return Help;
            case "start" when args.Length >= 2:
                return Queue(reply, "start", $"⏳ Starting `{SlackText.Escape(args[1])}`…", ct => StartAsync(command, args[1], args[2..], key, ct));
            case "status":
                return Queue(reply, "status", "⏳ Looking…", ct => StatusAsync(args.Length >= 2 ? args[1] : null, ct));
            case "pause" or "resume" or "abort" when args.Length >= 2:
                var reason = args.Length > 2 ? string.Join(' ', args[2..]) : null;
                return Queue(reply, sub, $"⏳ {CultureInfo.InvariantCulture.TextInfo.ToTitleCase(sub)} `{SlackText.Escape(args[1])}`…", ct => ControlAsync(command.UserId, sub, args[1], reason, key, ct));
            case "start" or "pause" or "resume" or "abort":
                return $"`/runbook {sub}` needs {(sub == "start" ? "a runbook name" : "a run id or runbook name")}.\n\n{Help}";
            default:
                return $"Unknown command `{SlackText.Escape(SlackText.Truncate(sub, 40))}`.\n\n{Help}";
        }
    }

    private string Queue(SlackReplyTarget reply, string action, string ack, Func<CancellationToken, Task<CommandReply>> run)
    {
        var queued = work.TryEnqueue($"/runbook {action}", async ct =>
        {
            var outcome = await run(ct).ConfigureAwait(false);
            await reply.SendAsync(slack(), outcome.Message ?? new SlackMessage(outcome.Text), logger, outcome.Public ? SlackResponseType.InChannel : SlackResponseType.Ephemeral, ct).ConfigureAwait(false);
        });
        return queued ? ack : "RunbookRunner is busy; nothing was done. Try again in a moment.";
    }

    private async Task<CommandReply> StartAsync(SlashCommand command, string name, string[] options, string requestId, CancellationToken cancellationToken)
    {
        var file = directory.Find(name);
        if (file is null)
        {
            var known = directory.Names();
            return CommandReply.Private($"No runbook named `{SlackText.Escape(name)}` in the runbooks folder.{(known.Count > 0 ? $" Known: {string.Join(", ", known.Take(30).Select(n => $"`{n}`"))}." : "")}");
        }

        var yaml = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var relative = directory.Relative(file);
        var loaded = RunbookLoader.Load(yaml, relative);
        if (loaded.HasErrors || loaded.Runbook is not { } runbook)
        {
            return CommandReply.Private($"`{relative}` has errors; fix them first:\n```{SlackText.Escape(string.Join('\n', loaded.Errors.Take(8)))}```");
        }

        if (!WarRoomPermissions.IsOperator(runbook, command.UserId))
        {
            return CommandReply.Private("⛔ " + await permissions.DenyAsync(runbook, command.UserId, "start", null, null, cancellationToken).ConfigureAwait(false));
        }

        var now = time.GetUtcNow();
        var t0 = now;
        string? environment = null;
        var rehearsal = false;
        foreach (var option in options)
        {
            if (option.Equals("rehearsal", StringComparison.OrdinalIgnoreCase) || option.Equals("--rehearsal", StringComparison.OrdinalIgnoreCase))
            {
                rehearsal = true;
            }
            else if (LaunchTime.LooksLikeTime(option))
            {
                if (!LaunchTime.TryParse(option, now, out t0))
                {
                    return CommandReply.Private($"`{SlackText.Escape(option)}` is not a launch time: use `now`, `+2h` or an ISO time with offset such as `2026-12-01T18:00Z`.");
                }
            }
            else if (environment is null)
            {
                environment = option;
            }
            else
            {
                return CommandReply.Private($"Too many arguments: `{SlackText.Escape(option)}`.\n{Help}");
            }
        }

        try
        {
            var state = await engine.StartAsync(
                new StartRunRequest
                {
                    RunbookYaml = yaml,
                    SourcePath = relative,
                    T0 = t0,
                    Environment = environment,
                    StartedBy = command.UserId,
                    Source = "slack",
                    Rehearsal = rehearsal ? new RehearsalSettings() : null,
                    RequestId = requestId,
                },
                cancellationToken).ConfigureAwait(false);
            var title = SlackText.Escape(runbook.Title ?? runbook.Name);
            var where = runbook.Channel is { } channel && channel != command.ChannelId ? $" Follow it in <#{channel}>." : "";
            return CommandReply.InChannel(
                $"🚀 {SlackMarkup.Mention(command.UserId)} started {(rehearsal ? "a rehearsal of " : "")}*{title}* (run `{state.RunId}`), T0 {SlackMarkup.Clock(state.T0, state)}{(environment is null ? "" : $" in *{SlackText.Escape(environment)}*")}.{where}");
        }
        catch (RunbookInvalidException ex)
        {
            return CommandReply.Private($"The run was not started:\n```{SlackText.Escape(string.Join('\n', ex.Diagnostics.Where(d => d.IsError).Take(8)))}```");
        }
    }

    private async Task<CommandReply> StatusAsync(string? runArgument, CancellationToken cancellationToken)
    {
        if (runArgument is null)
        {
            var page = await runs.ListRunsAsync(new RunQuery { Unfinished = true, PageSize = 15 }, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0)
            {
                return CommandReply.Private("No run is in progress.");
            }

            var lines = page.Items.Select(r =>
                $"• `{r.Id}` *{SlackText.Escape(r.Title)}*{(r.IsRehearsal ? " (rehearsal)" : "")} — {r.State.Replace('_', ' ')}{(r.Lateness > TimeSpan.FromSeconds(1) ? $", {SlackMarkup.Duration(r.Lateness)} behind plan" : "")}");
            return CommandReply.Private("*Runs in progress*\n" + string.Join('\n', lines));
        }

        var (runId, problem) = await ResolveRunAsync(runArgument, cancellationToken).ConfigureAwait(false);
        if (runId is null)
        {
            return CommandReply.Private(problem!);
        }

        var state = await engine.GetStateAsync(runId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Private($"Run `{SlackText.Escape(runId)}` was not found.");
        }

        var now = time.GetUtcNow();
        var message = StatusMessage.Render(state, RunTimeline.Of(state, now), now);
        return new CommandReply(false, message.Text, message);
    }

    private async Task<CommandReply> ControlAsync(string userId, string action, string runArgument, string? reason, string key, CancellationToken cancellationToken)
    {
        var (runId, problem) = await ResolveRunAsync(runArgument, cancellationToken).ConfigureAwait(false);
        if (runId is null)
        {
            return CommandReply.Private(problem!);
        }

        var by = new Actor(userId, "slack");
        RunInput input = action switch
        {
            "pause" => new PauseRun(by),
            "resume" => new ResumeRun(by),
            _ => new AbortRun(by, reason is null ? null : $"aborted by {userId}: {reason}"),
        };
        var outcome = await submitter.SubmitAsync(
            runId, input, action, null, key, WarRoomSubmitter.Operators, state => Done(userId, action, state), reason, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? CommandReply.InChannel(outcome.Text) : CommandReply.Private(outcome.Text);
    }

    private static string Done(string userId, string action, RunState state)
    {
        var verb = action switch { "pause" => "⏸ paused", "resume" => "⏵ resumed", _ => "🛑 aborted" };
        return $"{SlackMarkup.Mention(userId)} {verb} *{SlackText.Escape(state.Runbook.Title ?? state.Runbook.Name)}* (run `{state.RunId}`).";
    }

    /// <summary>A run id, or the one run in progress of a runbook named so.</summary>
    private async Task<(string? RunId, string? Problem)> ResolveRunAsync(string argument, CancellationToken cancellationToken)
    {
        if (await runs.GetRunAsync(argument, cancellationToken).ConfigureAwait(false) is { } run)
        {
            return (run.Id, null);
        }

        var page = await runs.ListRunsAsync(new RunQuery { RunbookName = argument, Unfinished = true, PageSize = 5 }, cancellationToken).ConfigureAwait(false);
        return page.Items.Count switch
        {
            1 => (page.Items[0].Id, null),
            0 => (null, $"No run `{SlackText.Escape(argument)}`, and no run of a runbook so named is in progress. `/runbook status` lists them."),
            _ => (null, $"Several runs of `{SlackText.Escape(argument)}` are in progress ({string.Join(", ", page.Items.Select(i => $"`{i.Id}`"))}); name one by its id."),
        };
    }

    private sealed record CommandReply(bool Public, string Text, SlackMessage? Message = null)
    {
        public static CommandReply Private(string text) => new(false, text);

        public static CommandReply InChannel(string text) => new(true, text);
    }
}
