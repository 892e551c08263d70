using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Slack.Messages;

/// <summary>
/// A run's plan next to what happened: the plan for its T0 and environment, the forecast of what is left from
/// the actual step times, and how far behind plan it is. Null plan when the runbook cannot be planned.
/// </summary>
public sealed record RunTimeline(RunPlan? Plan, RunForecast? Forecast, TimeSpan Lateness)
{
    /// <summary>Plans <paramref name="state"/>'s runbook and forecasts it as of <paramref name="now"/> (its finish, once ended).</summary>
    public static RunTimeline Of(RunState state, DateTimeOffset now, RunPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var at = state.FinishedAt ?? now;
        plan ??= TryPlan(state);
        var forecast = plan is null ? null : RunPlanner.Forecast(plan, Actuals(state), at);
        return new RunTimeline(plan, forecast, RunSummary.Lateness(state, at));
    }

    /// <summary>The plan of a run, or null when its runbook cannot be planned (an unknown zone, say).</summary>
    public static RunPlan? TryPlan(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            return RunPlanner.Plan(state.Runbook, state.T0, state.Environment);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What happened to each step so far, for <see cref="RunPlanner.Forecast(RunPlan, IReadOnlyDictionary{string, StepActual}, DateTimeOffset)"/>.</summary>
    public static IReadOnlyDictionary<string, StepActual> Actuals(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var actuals = new Dictionary<string, StepActual>(StringComparer.Ordinal);
        foreach (var step in state.Steps.Values)
        {
            if (step.IsFinished && step.FinishedAt is { } finished)
            {
                actuals[step.Id] = new StepActual(step.StartedAt, finished);
            }
            else if (step.StartedAt is { } started)
            {
                actuals[step.Id] = StepActual.Running(started);
            }
        }

        return actuals;
    }
}
