namespace RunbookRunner.Core.Planning;

/// <summary>Implements <see cref="RunPlanner.Forecast(RunPlan, IReadOnlyDictionary{string, StepActual}, DateTimeOffset)"/>.</summary>
internal static class RunForecaster
{
    public static RunForecast Forecast(RunPlan plan, IReadOnlyDictionary<string, StepActual> actuals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actuals);
        var clock = RunbookClock.For(plan.TimeZone);
        var byId = plan.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var order = DependencyOrder.Sort([.. plan.Steps.Select(s => s.Id)], plan.Steps.ToDictionary(s => s.Id, s => s.After, StringComparer.Ordinal));
        var forecasts = new Dictionary<string, StepForecast>(StringComparer.Ordinal);

        foreach (var id in order)
        {
            var step = byId[id];
            actuals.TryGetValue(id, out var actual);
            forecasts[id] = ForecastStep(plan, step, actual, now, clock, forecasts);
        }

        var steps = plan.Steps.Select(s => forecasts[s.Id]).ToList();
        var frontier = steps.Where(f =>
            f.Status == ForecastStatus.Running ||
            (f.Status == ForecastStatus.Pending && byId[f.Id].After.All(d => forecasts[d].Status == ForecastStatus.Done)));
        var behind = frontier.Select(f => f.ForecastFinish - f.PlannedFinish).DefaultIfEmpty(TimeSpan.Zero).Max();
        var finish = steps.Count == 0 ? plan.PlannedFinish : steps.Max(s => s.ForecastFinish);

        return new RunForecast
        {
            Now = now,
            Steps = steps,
            Behind = behind > TimeSpan.Zero ? behind : TimeSpan.Zero,
            NextTimedSteps = [.. steps.Where(s => s.Status == ForecastStatus.Pending && s.Anchor is not null).OrderBy(s => s.ForecastStart)],
            ForecastFinish = finish,
            FinishLateness = finish - plan.PlannedFinish,
        };
    }

    private static StepForecast ForecastStep(
        RunPlan plan,
        PlannedStep step,
        StepActual? actual,
        DateTimeOffset now,
        RunbookClock clock,
        Dictionary<string, StepForecast> done)
    {
        ForecastStatus status;
        DateTimeOffset start;
        DateTimeOffset finish;
        if (actual?.FinishedAt is { } finishedAt)
        {
            status = ForecastStatus.Done;
            start = actual.StartedAt ?? finishedAt;
            finish = finishedAt;
        }
        else if (actual?.StartedAt is { } startedAt)
        {
            status = ForecastStatus.Running;
            start = startedAt;
            finish = Max(Finish(step, start), now);
        }
        else
        {
            status = step.Skipped ? ForecastStatus.Skipped : ForecastStatus.Pending;
            start = Max(StepTiming.Start(step.AnchorTime, step.Skipped, step.After.Select(d => done[d].ForecastFinish), plan.RunStart), now);
            finish = Finish(step, start);
        }

        return new StepForecast
        {
            Id = step.Id,
            Status = status,
            Anchor = step.Anchor,
            PlannedStart = step.PlannedStart,
            PlannedFinish = step.PlannedFinish,
            ForecastStart = start,
            ForecastFinish = finish,
            ClockTime = clock.At(start),
            Lateness = status == ForecastStatus.Pending || status == ForecastStatus.Skipped
                ? start - step.PlannedStart
                : finish - step.PlannedFinish,
        };
    }

    private static DateTimeOffset Finish(PlannedStep step, DateTimeOffset start) =>
        StepTiming.Finish(start, step.ExpectedDuration, step.Skipped, step.Recurrence?.Every, step.Recurrence?.UntilTime);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
