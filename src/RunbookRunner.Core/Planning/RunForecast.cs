namespace RunbookRunner.Core.Planning;

/// <summary>The remaining timeline of a run re-computed from what actually happened (see <see cref="RunPlanner.Forecast(RunPlan, IReadOnlyDictionary{string, StepActual}, DateTimeOffset)"/>).</summary>
public sealed record RunForecast
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>Every step, in runbook order.</summary>
    public required IReadOnlyList<StepForecast> Steps { get; init; }

    /// <summary>
    /// How far behind plan the run is now: the largest lateness of the steps that are running or ready to start
    /// (all dependencies done); zero when on time or ahead.
    /// </summary>
    public required TimeSpan Behind { get; init; }

    /// <summary>Pending anchored steps that run, soonest first: what the narration forecasts next.</summary>
    public required IReadOnlyList<StepForecast> NextTimedSteps { get; init; }

    /// <summary>Forecast finish of the whole run (expected schedule).</summary>
    public required DateTimeOffset ForecastFinish { get; init; }

    /// <summary><see cref="ForecastFinish"/> minus the plan's expected finish.</summary>
    public required TimeSpan FinishLateness { get; init; }

    public StepForecast? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);
}
