using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Background;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.Interactivity;

namespace RunbookRunner.Slack.Interactions;

/// <summary>
/// Turns verified interactions into engine decisions: button clicks (approve, reject, retry, skip, mark done,
/// roll back, abort, done, failed) and the reject-reason modal. Answers at once and does the work in the background;
/// the person hears back privately, and the message they clicked on is redrawn by the narrator from the event.
/// </summary>
public sealed class SlackInteractionHandler(
    RunEngine engine,
    WarRoomSubmitter submitter,
    SlackBackgroundWork work,
    Func<ISlackClient> slack,
    ILogger<SlackInteractionHandler> logger)
{
    /// <summary>Handles a payload; returns what to answer Slack now.</summary>
    public SlackInteractionAck Handle(SlackInteractionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload switch
        {
            BlockActionsPayload clicks => HandleClicks(clicks),
            ViewSubmissionPayload submission => HandleSubmission(submission),
            _ => SlackInteractionAck.Empty,
        };
    }

    private SlackInteractionAck HandleClicks(BlockActionsPayload payload)
    {
        var reply = new SlackReplyTarget(payload.User.Id, payload.ResponseUrl, payload.ChannelId, payload.Message?.ThreadTs);
        foreach (var action in payload.Actions)
        {
            if (!WarRoomActionValue.TryParse(action.Value, out var value) || value is null)
            {
                logger.LogWarning("Ignoring Slack action {ActionId} without a war-room value.", action.ActionId);
                continue;
            }

            // One click, whatever Slack does: retries and double clicks carry the same action_ts.
            var key = $"slack:{action.ActionTs}:{payload.User.Id}:{payload.MessageTs}";
            var by = new Actor(payload.User.Id, "slack");
            if (action.ActionId == WarRoomActionIds.Reject)
            {
                // A trigger id lives 3 seconds: open the reason modal now, not when the queue gets to it.
                work.RunNow("open reject modal", ct => OpenRejectModalAsync(payload, value, reply, ct));
                continue;
            }

            if (Decision(action.ActionId, value, by) is not { } decision)
            {
                logger.LogWarning("Ignoring unknown Slack action {ActionId}.", action.ActionId);
                continue;
            }

            Enqueue(reply, decision.Action, ct => submitter.SubmitAsync(
                value.RunId, decision.Input, decision.Action, value.Target, key, decision.RequireOperator, decision.Success, cancellationToken: ct));
        }

        return SlackInteractionAck.Empty;
    }

    private SlackInteractionAck HandleSubmission(ViewSubmissionPayload payload)
    {
        if (payload.CallbackId != WarRoomActionIds.RejectReasonCallback)
        {
            return SlackInteractionAck.Empty;
        }

        var metadata = RejectModalMetadata.TryParse(payload.PrivateMetadata);
        var reason = payload.GetValue(WarRoomActionIds.ReasonInput, WarRoomActionIds.ReasonInput)?.Trim();
        if (metadata is null)
        {
            logger.LogWarning("Reject modal {ViewId} came back without its metadata; ignoring it.", payload.ViewId);
            return SlackInteractionAck.Empty;
        }

        if (string.IsNullOrEmpty(reason))
        {
            return new SlackInteractionAck(SlackJson.Serialize(new
            {
                response_action = "errors",
                errors = new Dictionary<string, string> { [WarRoomActionIds.ReasonInput] = "Say why you reject: the war room and the audit log will see it." },
            }));
        }

        var reply = new SlackReplyTarget(payload.User.Id, metadata.Url, metadata.Channel, metadata.Thread);
        var input = new Reject(metadata.Target, new Actor(payload.User.Id, "slack"), reason);
        Enqueue(reply, "reject", ct => submitter.SubmitAsync(
            metadata.Run, input, "reject", metadata.Target, $"slack:view:{payload.ViewId}:{payload.User.Id}", WarRoomSubmitter.EngineJudges,
            _ => $"⛔ You rejected `{metadata.Target}`: {SlackText.Escape(reason)}", reason, ct));
        return SlackInteractionAck.Empty;
    }

    private async Task OpenRejectModalAsync(BlockActionsPayload payload, WarRoomActionValue value, SlackReplyTarget reply, CancellationToken cancellationToken)
    {
        var client = slack();
        var state = await engine.GetStateAsync(value.RunId, cancellationToken).ConfigureAwait(false);
        if (state is null || !state.Approvals.TryGetValue(value.Target, out var approval)
            || !approval.IsOpen || !approval.Eligible.Contains(payload.User.Id, StringComparer.Ordinal))
        {
            // No reason to ask for: the engine refuses (and audits) this rejection, and says why.
            var refused = await submitter.SubmitAsync(
                value.RunId, new Reject(value.Target, new Actor(payload.User.Id, "slack"), null), "reject", value.Target,
                $"slack:{payload.Actions[0].ActionTs}:{payload.User.Id}:{payload.MessageTs}", WarRoomSubmitter.EngineJudges,
                _ => $"⛔ You rejected `{value.Target}`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            await reply.SendAsync(client, refused.Text, logger, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var metadata = new RejectModalMetadata(value.RunId, value.Target, payload.ChannelId, payload.Message?.ThreadTs, payload.ResponseUrl);
        var view = new ModalView(
            "Reject",
            [
                new SectionBlock($"Reject `{SlackText.Escape(value.Target)}` of *{SlackText.Escape(state.Runbook.Title ?? state.Runbook.Name)}*? The step then fails and the run follows its on_failure policy."),
                new InputBlock(
                    "Reason",
                    new PlainTextInputElement(WarRoomActionIds.ReasonInput, "Why do you reject?", multiline: true, minLength: 1, maxLength: 1000),
                    hint: "Shown in the war room and kept in the audit log.",
                    blockId: WarRoomActionIds.ReasonInput),
            ],
            submit: "Reject",
            close: "Cancel",
            callbackId: WarRoomActionIds.RejectReasonCallback,
            privateMetadata: metadata.Serialize());
        try
        {
            await client.OpenViewAsync(payload.TriggerId!, view, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not open the reject modal for {User}: {Error}", payload.User.Id, ex.Message);
            await reply.SendAsync(client, "The reason dialog could not be opened in time; click Reject again.", logger, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private void Enqueue(SlackReplyTarget reply, string action, Func<CancellationToken, Task<WarRoomReply>> submit)
    {
        var queued = work.TryEnqueue($"slack {action}", async ct =>
        {
            var outcome = await submit(ct).ConfigureAwait(false);
            await reply.SendAsync(slack(), outcome.Text, logger, cancellationToken: ct).ConfigureAwait(false);
        });
        if (!queued)
        {
            work.RunNow("busy reply", ct => reply.SendAsync(slack(), $"RunbookRunner is busy; your {action} was not recorded. Try again in a moment.", logger, cancellationToken: ct));
        }
    }

    private static PendingDecision? Decision(string actionId, WarRoomActionValue value, Actor by)
    {
        var target = value.Target;
        Func<RunState, bool> engine = WarRoomSubmitter.EngineJudges;
        Func<RunState, bool> operators = WarRoomSubmitter.Operators;
        return actionId switch
        {
            WarRoomActionIds.Approve => new(new Approve(target, by), "approve", engine, s => $"✅ You approved `{target}`{Progress(s, target)}."),
            WarRoomActionIds.Retry => new(new RetryStep(target, by), "retry", operators, _ => $"↻ `{target}` will be tried again."),
            WarRoomActionIds.Skip => new(new SkipStep(target, by), "skip", operators, _ => $"⏭ `{target}` was skipped."),
            WarRoomActionIds.MarkDone => new(new CompleteManual(target, by), "done", operators, _ => $"☑ `{target}` was marked done."),
            WarRoomActionIds.Rollback => new(new RollbackRun(by, $"rollback chosen in Slack by {by.Id} after {target}"), "rollback", operators, _ => "⏪ The run is rolling back."),
            WarRoomActionIds.Abort => new(new AbortRun(by, $"aborted in Slack by {by.Id} after {target}"), "abort", operators, _ => "🛑 The run was aborted."),

            // A manual task with roles is judged by the engine; one without roles is for any operator.
            WarRoomActionIds.Done => new(new CompleteManual(target, by), "done", s => s.Runbook.FindStep(target)?.Manual is not { Roles.Count: > 0 }, _ => $"☑ You ticked off `{target}`."),
            WarRoomActionIds.Failed => new(
                new FailManual(target, by, "marked Failed in Slack"), "fail", s => s.Runbook.FindStep(target)?.Manual is not { Roles.Count: > 0 }, _ => $"✖ You marked `{target}` failed; the run follows its on_failure policy."),
            _ => null,
        };
    }

    private static string Progress(RunState state, string target) =>
        state.Approvals.TryGetValue(target, out var a) ? $" ({SlackText.Escape(a.ProgressText)})" : "";

    private sealed record PendingDecision(RunInput Input, string Action, Func<RunState, bool> RequireOperator, Func<RunState, string> Success);
}
