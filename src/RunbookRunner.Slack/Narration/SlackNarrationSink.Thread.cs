using System.Text;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Messages;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Narration;

public sealed partial class SlackNarrationSink
{
    private const int MaxExcerptLineLength = 300;

    /// <summary>The thread replies of one event: a line, a tracked message (approval, manual task, decision) or the report.</summary>
    private async Task NarrateEventAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var state = delivery.State;
        switch (delivery.Event)
        {
            case ApprovalRequested r:
                await PostTrackedAsync(delivery, TrackedKind.Approval, r.Target, ApprovalMessage.Render(state, r.Target), cancellationToken).ConfigureAwait(false);
                return;
            case ManualTaskRequested m:
                await PostTrackedAsync(delivery, TrackedKind.ManualTask, m.StepId, ManualTaskMessage.Render(state, m.StepId), cancellationToken).ConfigureAwait(false);
                return;
            case RunPaused { StepId: { } stepId } p when DecisionMessage.IsOpen(state, stepId):
                var problem = $"⏸ *Decision needed for {Code(stepId)}*: {Text(p.Reason, 1500)}";
                await SaveAsync(delivery.Run, NarrationKeys.Problem(stepId), problem, cancellationToken).ConfigureAwait(false);
                await SaveAsync(delivery.Run, NarrationKeys.Resolution(stepId), string.Empty, cancellationToken).ConfigureAwait(false);
                await PostTrackedAsync(delivery, TrackedKind.Decision, stepId, DecisionMessage.Render(state, stepId, problem, null), cancellationToken).ConfigureAwait(false);
                return;
            case StepFailed f:
                await PostOnceAsync(delivery, "line", await FailureReplyAsync(delivery, f, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return;
            case RunSucceeded or RunFailed or RunAborted or RunRolledBack:
                await PostOnceAsync(delivery, "line", Line(delivery), cancellationToken).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                await PostOnceAsync(delivery, "report", RunReport.Render(state, RunTimeline.Of(state, now, delivery.Run.Plan), ReportUrl(state.RunId)), cancellationToken).ConfigureAwait(false);
                return;
        }

        if (IsWorthALine(delivery))
        {
            await PostOnceAsync(delivery, "line", Line(delivery), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The launch report on the dashboard (needs Runbook:PublicUrl), linked from the final summary.</summary>
    private string? ReportUrl(string runId) =>
        _publicUrl is null ? null : $"{_publicUrl}/runs/{Uri.EscapeDataString(runId)}/report";

    /// <summary>Events the war room wants to read about; the rest only move the status message.</summary>
    private static bool IsWorthALine(Delivery delivery)
    {
        var step = delivery.Message.StepId is { } id ? delivery.State.Runbook.FindStep(id) : null;
        return delivery.Event switch
        {
            RunCreated or GatesEvaluated or GuardReading => false,

            // A recurring step (hourly health check for days) is reported on its first occurrence and on failures only.
            StepStarted s when step is { IsRecurring: true } => s.Attempt == 1,
            StepSucceeded when step is { IsRecurring: true } => delivery.State.Steps[step.Id].Attempts <= 1,
            _ => true,
        };
    }

    private static SlackMessage Line(Delivery delivery)
    {
        var text = $"`{delivery.Message.Clock}` {Text(delivery.Message.Text, 2500)}";
        if (delivery.Event is ApprovalEscalated x)
        {
            text += $"\n📣 {Mentions(x.Users.Take(20))}: your approval is needed.";
        }

        return new SlackMessage(text);
    }

    private async Task<SlackMessage> FailureReplyAsync(Delivery delivery, StepFailed failed, CancellationToken cancellationToken)
    {
        // The engine appends the log tail to the error; the first line is the error, the excerpt goes in a code block.
        var errorLines = failed.Error.Split('\n');
        var state = delivery.State;
        var took = delivery.Run.AttemptStarts.TryGetValue(failed.StepId, out var started) && failed.At > started ? $" after {Duration(failed.At - started)}" : "";
        var line = new StringBuilder($"`{delivery.Message.Clock}` ✖ {Code(failed.StepId)} failed (attempt {failed.Attempt}){took}: {Text(errorLines[0], 1000)}");
        if (failed.RetryAt is { } retryAt)
        {
            line.Append($"; retry at {Clock(retryAt, state)}");
        }

        if (failed.Tolerated)
        {
            line.Append("; continuing (on_failure: continue)");
        }

        var excerpt = await LogExcerptAsync(delivery.Run.RunId, failed.StepId, failed.Attempt, cancellationToken).ConfigureAwait(false);
        if (excerpt.Count == 0)
        {
            excerpt = [.. errorLines.Skip(1).Where(l => l.Length > 0)];
        }

        if (excerpt.Count == 0)
        {
            return new SlackMessage(line.ToString());
        }

        var log = new StringBuilder("```");
        foreach (var entry in excerpt)
        {
            log.Append('\n').Append(SlackText.Escape(SlackText.Truncate(entry.Replace("```", "'''", StringComparison.Ordinal), MaxExcerptLineLength)));
        }

        log.Append("\n```");
        return new SlackMessageBuilder(line.ToString())
            .Section(line.ToString())
            .Section(SlackText.Truncate(log.ToString(), SlackLimits.SectionText - 10))
            .Build();
    }

    /// <summary>The last lines the failed attempt logged (already redacted when stored).</summary>
    private async Task<IReadOnlyList<string>> LogExcerptAsync(string runId, string stepId, int attempt, CancellationToken cancellationToken)
    {
        if (_options.LogExcerptLines == 0)
        {
            return [];
        }

        var tail = new Queue<string>(_options.LogExcerptLines);
        long after = 0;
        while (true)
        {
            var page = await _logs.ReadAsync(runId, stepId, after, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var line in page.Where(l => l.Attempt == attempt))
            {
                if (tail.Count == _options.LogExcerptLines)
                {
                    tail.Dequeue();
                }

                tail.Enqueue(line.Text);
            }

            if (page.Count < 1000)
            {
                return [.. tail];
            }

            after = page[^1].Id;
        }
    }
}
