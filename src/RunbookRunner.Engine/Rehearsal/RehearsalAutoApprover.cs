using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Engine.Rehearsal;

/// <summary>
/// For rehearsals started with "approve all" on a server (API, dashboard, <c>runbook start --rehearsal --approve-all</c>):
/// grants approvals once their gates pass and ticks off manual tasks, as the CLI rehearsal does. Failures still pause
/// for a person. Reacts on the node advancing the run, from its live event feed.
/// </summary>
public sealed partial class RehearsalAutoApprover(RunEventFeed feed, RunEngine engine, IRunStore store, ILogger<RehearsalAutoApprover> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, RehearsalSettings?> _settings = new(StringComparer.Ordinal);

    // How often each manual task of a run has been answered, so --fail STEP:N fails only its first N answers.
    private readonly ConcurrentDictionary<(string RunId, string StepId), int> _manualAnswers = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe();
        await foreach (var entry in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!entry.State.Rehearsal || entry.Event is not (ApprovalRequested or GatesEvaluated or ManualTaskRequested))
            {
                continue;
            }

            try
            {
                if (await SettingsAsync(entry.RunId, stoppingToken).ConfigureAwait(false) is { ApproveAll: true } settings)
                {
                    await AnswerAsync(entry, settings, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The run simply waits for a person, as it would without the option.
                LogAnswerFailed(logger, ex, entry.RunId);
            }
        }
    }

    private async Task AnswerAsync(FeedEntry entry, RehearsalSettings settings, CancellationToken cancellationToken)
    {
        var state = entry.State;
        switch (entry.Event)
        {
            case ApprovalRequested r when state.Runbook.FindStep(r.Target) is not { Gates.Count: > 0 }:
                await RehearsalAnswers.ApproveAsync(engine, state, r.Target, cancellationToken).ConfigureAwait(false);
                break;
            case GatesEvaluated g when g.Results.All(x => x.Passed) && state.Approvals.TryGetValue(g.StepId, out var a) && a.IsOpen:
                await RehearsalAnswers.ApproveAsync(engine, state, g.StepId, cancellationToken).ConfigureAwait(false);
                break;
            case ManualTaskRequested m:
                var answer = _manualAnswers.AddOrUpdate((entry.RunId, m.StepId), 1, (_, n) => n + 1);
                await RehearsalAnswers.AnswerManualAsync(engine, state, m.StepId, m.Eligible, settings, answer, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<RehearsalSettings?> SettingsAsync(string runId, CancellationToken cancellationToken)
    {
        if (_settings.TryGetValue(runId, out var known))
        {
            return known;
        }

        var record = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var settings = record is { IsRehearsal: true } ? RehearsalSettings.FromJson(record.RehearsalOptionsJson) : null;
        _settings[runId] = settings;
        return settings;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rehearsal of {RunId}: an automatic answer failed; the run waits for a person")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string runId);
}
