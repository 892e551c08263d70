using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.Messages;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Narration;

public sealed partial class SlackNarrationSink
{
    /// <summary>Posts a message that is redrawn in place later (approval, manual task, decision) and remembers it.</summary>
    private async Task PostTrackedAsync(Delivery delivery, TrackedKind kind, string target, SlackMessage message, CancellationToken cancellationToken)
    {
        var where = await PostOnceAsync(delivery, kind.ToString(), message, cancellationToken).ConfigureAwait(false);
        if (where is null)
        {
            return;
        }

        await _store.SetAsync(
            TargetName,
            delivery.Run.RunId,
            new Dictionary<string, string> { [NarrationKeys.Tracked(kind, target)] = where.Format(), [NarrationKeys.Hash(kind, target)] = Fingerprint(message) },
            cancellationToken).ConfigureAwait(false);
        delivery.Run.Keys![NarrationKeys.Tracked(kind, target)] = where.Format();
        delivery.Run.Keys[NarrationKeys.Hash(kind, target)] = Fingerprint(message);
    }

    /// <summary>
    /// Redraws every tracked message whose content changed with this event: an approval granted here or through the
    /// API, a manual task ticked off, a failure settled, everything closed when the run ends.
    /// </summary>
    private async Task RefreshTrackedAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var keys = delivery.Run.Keys!;
        foreach (var (key, value) in keys.Where(k => k.Key.StartsWith(NarrationKeys.TrackedPrefix, StringComparison.Ordinal)).ToList())
        {
            if (!NarrationKeys.TryParseTracked(key, out var kind, out var target) || SlackMessageRef.Parse(value) is not { } where)
            {
                continue;
            }

            var message = await RenderTrackedAsync(delivery, kind, target, cancellationToken).ConfigureAwait(false);
            var fingerprint = message is null ? null : Fingerprint(message);
            if (message is null || keys.GetValueOrDefault(NarrationKeys.Hash(kind, target)) == fingerprint)
            {
                continue;
            }

            try
            {
                await delivery.Slack.UpdateMessageAsync(where.Channel, where.Ts, message.Text, message.Blocks, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (ex is SlackTargetException or SlackInvalidRequestException)
            {
                _logger.LogWarning("Could not redraw the {Kind} message of {Target} in run {RunId}: {Error}", kind, target, delivery.Run.RunId, ex.Message);
            }

            await SaveAsync(delivery.Run, NarrationKeys.Hash(kind, target), fingerprint!, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SlackMessage?> RenderTrackedAsync(Delivery delivery, TrackedKind kind, string target, CancellationToken cancellationToken)
    {
        var state = delivery.State;
        switch (kind)
        {
            case TrackedKind.Approval:
                return state.Approvals.ContainsKey(target) ? ApprovalMessage.Render(state, target) : null;
            case TrackedKind.ManualTask:
                return state.Runbook.FindStep(target)?.Manual is not null && state.Steps.ContainsKey(target) ? ManualTaskMessage.Render(state, target) : null;
            case TrackedKind.Decision:
                var keys = delivery.Run.Keys!;
                var problem = keys.GetValueOrDefault(NarrationKeys.Problem(target)) is { Length: > 0 } p ? p : $"Decision for {Code(target)}";
                var resolution = keys.GetValueOrDefault(NarrationKeys.Resolution(target)) is { Length: > 0 } r ? r : null;
                if (resolution is null && !DecisionMessage.IsOpen(state, target))
                {
                    resolution = Resolution(delivery.Event, state) ?? DecisionMessage.Settled(state, target);
                    await SaveAsync(delivery.Run, NarrationKeys.Resolution(target), resolution, cancellationToken).ConfigureAwait(false);
                }

                return DecisionMessage.Render(state, target, problem, resolution);
            default:
                return null;
        }
    }

    /// <summary>Who settled a decision, from the event that settled it.</summary>
    private static string? Resolution(RunEvent e, RunState state) => e switch
    {
        StepRetried r => $"↻ {Mention(r.By)} chose *Retry* at {Clock(r.At, state)}",
        StepSkipped { By: { } by } k => $"⏭ {Mention(by)} chose *Skip* at {Clock(k.At, state)}",
        StepMarkedDone d => $"☑ {Mention(d.By)} marked it *done* at {Clock(d.At, state)}",
        CompensationSkipped c => $"⏭ {Mention(c.By)} skipped the undo at {Clock(c.At, state)}",
        CompensationStarted c => $"↻ the undo is tried again (attempt {c.Attempt}) since {Clock(c.At, state)}",
        RollbackStarted { By: { } by } b => $"⏪ {Mention(by)} chose *Roll back* at {Clock(b.At, state)}",
        RunAborted { By: { } by } a when by != "system" => $"🛑 {Mention(by)} chose *Abort* at {Clock(a.At, state)}",
        _ => null,
    };

    private static string Fingerprint(SlackMessage message) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SlackJson.Serialize(message))))[..32];
}
