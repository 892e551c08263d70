using System.Text.Json;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Engine.Runs;

/// <summary>The read model row of a run, written with every append so lists need no journal replay.</summary>
public static class RunSummary
{
    /// <param name="state">The run after the decision.</param>
    /// <param name="nextWake">The wake the decision set: kept so a sweep can see a run whose wake was lost.</param>
    public static RunSummaryUpdate Of(RunState state, DateTimeOffset? nextWake = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var summary = new
        {
            steps = state.Runbook.Steps.Select(s => state.Steps[s.Id]).Select(s => new
            {
                id = s.Id,
                state = StatusNames.Of(s.Status),
                attempts = s.Attempts,
                startedAt = s.StartedAt,
                finishedAt = s.FinishedAt,
            }),
            pauseReason = state.PauseReason,
            endReason = state.EndReason,
            nextWake,
            approvals = state.Approvals.Values.Where(a => a.IsOpen).Select(a => new { target = a.Target, required = a.Required, granted = a.Grants.Select(g => g.By) }),
        };
        return new RunSummaryUpdate(StatusNames.Of(state.Status), state.IsTerminal, Lateness(state), JsonSerializer.Serialize(summary, RunEventJson.Options));
    }

    /// <summary>How far behind plan the run is: the largest delay of an anchored step's start, or of one still waiting past its anchor.</summary>
    public static TimeSpan Lateness(RunState state, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var late = TimeSpan.Zero;
        foreach (var step in state.Runbook.Steps)
        {
            if (state.AnchorOf(step) is not { } anchor)
            {
                continue;
            }

            var s = state.Steps[step.Id];
            var actual = s.StartedAt ?? (s.Status is StepStatus.Pending && now > anchor ? now : null);
            if (actual is { } at && at - anchor > late)
            {
                late = at - anchor;
            }
        }

        return late;
    }
}
