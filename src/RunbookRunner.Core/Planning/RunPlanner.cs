using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// Computes the timeline of a runbook (pure: no clock, no I/O) and re-forecasts it while a run is under way.
/// </summary>
/// <remarks>
/// <para>Rules of the plan:</para>
/// <list type="bullet">
/// <item>Anchors are elapsed time from T0 (<c>T+1d</c> is 24 hours later, whatever the clocks do); clock times
/// are then shown in the runbook's time zone with daylight saving applied.</item>
/// <item>A step depends on its <c>after</c> steps, or else on the step before it. It starts at the later of its
/// anchor and the finish of all of its dependencies; a step with neither starts at the run start (the earlier of
/// T0 and the earliest anchor of a step that runs). Steps that share exactly the same dependencies run in parallel.</item>
/// <item>Expected schedule (<see cref="PlannedStep.PlannedStart"/>, <see cref="PlannedStep.PlannedFinish"/>): a wait
/// lasts its duration; approvals, manual tasks and actions are expected to take no time.</item>
/// <item>Worst-case schedule (<see cref="PlannedStep.PlannedStartLatest"/>, <see cref="PlannedStep.PlannedFinishLatest"/>):
/// dependencies finish at their latest; a wait lasts its duration, an approval its timeout, a manual task its timeout,
/// an action its approval timeout (if it asks first) plus every retry attempt running to its timeout plus the
/// backoffs between attempts. A missing timeout counts as zero.</item>
/// <item>When a dependency's expected finish is later than a step's anchor, the step starts late and
/// <see cref="PlannedStep.BehindAnchor"/> says by how much.</item>
/// <item>A step whose <c>only</c> does not name the environment (or any step with <c>only</c> when no environment
/// is given) is skipped: it takes no time and does not wait for its anchor.</item>
/// <item>A recurring step (<c>every</c>/<c>until</c>) first runs at its start, then every interval up to
/// <c>until</c>; its dependents wait for its last occurrence. Without <c>until</c> they wait for the first one.
/// In the worst case the last occurrence is taken to start at <c>until</c> itself.</item>
/// <item>The critical path starts at the step that finishes last in the worst case and follows, backwards, the
/// dependency whose latest finish set the step's latest start, stopping at a step whose own anchor (or the run
/// start) set it.</item>
/// <item>Rollback lists the undo of every step that has one in reverse expected completion order, then the
/// <c>rollback:</c> steps. A guard is watched from the expected finish of its <c>from</c> step until its <c>until</c>.</item>
/// </list>
/// </remarks>
public static class RunPlanner
{
    /// <summary>Plans <paramref name="runbook"/> for launch time <paramref name="t0"/> in <paramref name="environment"/>.</summary>
    /// <exception cref="ArgumentException">The runbook's time zone is unknown.</exception>
    /// <exception cref="InvalidOperationException">A dependency is unknown or steps form a cycle (validate first).</exception>
    public static RunPlan Plan(Runbook runbook, DateTimeOffset t0, string? environment)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var clock = RunbookClock.For(runbook.TimeZone);
        var steps = runbook.Steps;
        var dependencies = EffectiveDependencies(steps);
        var order = DependencyOrder.Sort([.. steps.Select(s => s.Id)], dependencies);
        var byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);

        var skipped = steps.ToDictionary(s => s.Id, s => IsSkipped(s, environment), StringComparer.Ordinal);
        var runStart = steps
            .Where(s => !skipped[s.Id] && s.At is not null)
            .Select(s => s.At!.Value.ResolveAgainst(t0))
            .Append(t0)
            .Min();

        var timings = new Dictionary<string, Timing>(StringComparer.Ordinal);
        foreach (var id in order)
        {
            timings[id] = Schedule(runbook, byId[id], dependencies[id], skipped[id], t0, runStart, timings);
        }

        var criticalPath = CriticalPath.Find(
            steps,
            dependencies,
            timings.ToDictionary(t => t.Key, t => t.Value.FinishLatest, StringComparer.Ordinal),
            timings.ToDictionary(t => t.Key, t => skipped[t.Key] ? null : t.Value.AnchorTime, StringComparer.Ordinal));
        var critical = criticalPath.ToHashSet(StringComparer.Ordinal);
        var parallelGroups = ParallelGroups(steps, dependencies);
        var groupOf = parallelGroups
            .SelectMany((group, index) => group.Select(id => (id, number: index + 1)))
            .ToDictionary(x => x.id, x => x.number, StringComparer.Ordinal);

        var planned = steps.Select(step =>
        {
            var t = timings[step.Id];
            return new PlannedStep
            {
                Id = step.Id,
                Title = step.DisplayName,
                Kind = step.Kind,
                Action = step.Action?.Type,
                HasApproval = step.Kind == StepKind.Action && step.Approval is not null,
                After = dependencies[step.Id],
                Anchor = step.At,
                AnchorTime = t.AnchorTime,
                PlannedStart = t.Start,
                PlannedFinish = t.Finish,
                PlannedStartLatest = t.StartLatest,
                PlannedFinishLatest = t.FinishLatest,
                ExpectedDuration = t.Expected,
                LatestDuration = t.Latest,
                TOffset = t.Start - t0,
                ClockTime = clock.At(t.Start),
                BehindAnchor = Behind(t.Start, t.AnchorTime, skipped[step.Id]),
                BehindAnchorLatest = Behind(t.StartLatest, t.AnchorTime, skipped[step.Id]),
                Skipped = skipped[step.Id],
                Recurrence = Recurrence(step, t0, t.Start, skipped[step.Id]),
                Critical = critical.Contains(step.Id),
                ParallelGroup = groupOf.TryGetValue(step.Id, out var group) ? group : null,
            };
        }).ToList();

        return new RunPlan
        {
            Runbook = runbook.Name,
            Title = runbook.Title,
            T0 = t0,
            TimeZone = clock.TimeZoneId,
            Environment = environment,
            RunStart = runStart,
            PlannedFinish = planned.Count == 0 ? runStart : planned.Max(p => p.PlannedFinish),
            PlannedFinishLatest = planned.Count == 0 ? runStart : planned.Max(p => p.PlannedFinishLatest),
            Steps = planned,
            CriticalPath = criticalPath,
            ParallelGroups = parallelGroups,
            Rollback = RollbackSequence(runbook, planned),
            Guards = PlanGuards(runbook, t0, clock, timings),
        };
    }

    /// <summary>
    /// Re-forecasts the remaining steps of a run from what has actually happened: finished steps keep their actual
    /// times, a running step finishes no earlier than <paramref name="now"/>, and no pending step starts before
    /// <paramref name="now"/>; otherwise the rules of <see cref="Plan"/> (expected schedule) apply.
    /// </summary>
    /// <param name="plan">The original plan.</param>
    /// <param name="actuals">What happened to steps that have started or finished, by step id (others are pending).</param>
    /// <param name="now">The current time.</param>
    public static RunForecast Forecast(RunPlan plan, IReadOnlyDictionary<string, StepActual> actuals, DateTimeOffset now) =>
        RunForecaster.Forecast(plan, actuals, now);

    /// <summary>As <see cref="Forecast(RunPlan, IReadOnlyDictionary{string, StepActual}, DateTimeOffset)"/>, given only the finish times of finished steps.</summary>
    public static RunForecast Forecast(RunPlan plan, IReadOnlyDictionary<string, DateTimeOffset> finishedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(finishedAt);
        return RunForecaster.Forecast(plan, finishedAt.ToDictionary(f => f.Key, f => StepActual.Finished(f.Value), StringComparer.Ordinal), now);
    }

    /// <summary>Whether a step is left out in <paramref name="environment"/> (its <c>only</c> does not name it).</summary>
    public static bool IsSkipped(Step step, string? environment)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Only.Count > 0 && (environment is null || !step.Only.Contains(environment, StringComparer.Ordinal));
    }

    private static Timing Schedule(
        Runbook runbook,
        Step step,
        IReadOnlyList<string> dependencies,
        bool skipped,
        DateTimeOffset t0,
        DateTimeOffset runStart,
        Dictionary<string, Timing> done)
    {
        var anchorTime = step.At?.ResolveAgainst(t0);
        var until = step.Until?.ResolveAgainst(t0);
        var expected = skipped ? TimeSpan.Zero : StepTiming.Expected(step);
        var latest = skipped ? TimeSpan.Zero : StepTiming.Latest(runbook, step);
        var start = StepTiming.Start(anchorTime, skipped, dependencies.Select(d => done[d].Finish), runStart);
        var startLatest = StepTiming.Start(anchorTime, skipped, dependencies.Select(d => done[d].FinishLatest), runStart);
        return new Timing(
            anchorTime,
            start,
            StepTiming.Finish(start, expected, skipped, step.Every, until),
            startLatest,
            StepTiming.FinishLatest(startLatest, latest, skipped, step.Every, until),
            expected,
            latest);
    }

    private static Dictionary<string, IReadOnlyList<string>> EffectiveDependencies(IReadOnlyList<Step> steps)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            // Duplicate ids are a validation error; the first definition wins here.
            result.TryAdd(steps[i].Id, steps[i].After ?? (i > 0 ? [steps[i - 1].Id] : []));
        }

        return result;
    }

    private static TimeSpan Behind(DateTimeOffset start, DateTimeOffset? anchorTime, bool skipped) =>
        !skipped && anchorTime is { } anchor && start > anchor ? start - anchor : TimeSpan.Zero;

    private static PlannedRecurrence? Recurrence(Step step, DateTimeOffset t0, DateTimeOffset start, bool skipped)
    {
        if (step.Every is not { } every || skipped)
        {
            return null;
        }

        var until = step.Until?.ResolveAgainst(t0);
        var (last, count) = StepTiming.Occurrences(start, every, until);
        return new PlannedRecurrence(every, step.Until, until, start, count, count is null ? null : last);
    }

    private static List<IReadOnlyList<string>> ParallelGroups(IReadOnlyList<Step> steps, Dictionary<string, IReadOnlyList<string>> dependencies) =>
        [.. steps
            .GroupBy(s => string.Join('\n', dependencies[s.Id].Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(s => s.Id)])];

    private static List<PlannedCompensation> RollbackSequence(Runbook runbook, List<PlannedStep> planned)
    {
        var undos = planned
            .Select((p, index) => (p, index))
            .Where(x => !x.p.Skipped && runbook.Steps[x.index].Undo is not null)
            .OrderByDescending(x => x.p.PlannedFinish)
            .ThenByDescending(x => x.index)
            .Select(x => new PlannedCompensation(x.p.Id, x.p.Title, CompensationSource.Undo, StepKind.Action, runbook.Steps[x.index].Undo!.Type));
        var rollbackSteps = runbook.Rollback
            .Select(s => new PlannedCompensation(s.Id, s.DisplayName, CompensationSource.Rollback, s.Kind, s.Action?.Type));
        return [.. undos, .. rollbackSteps];
    }

    private static List<PlannedGuard> PlanGuards(Runbook runbook, DateTimeOffset t0, RunbookClock clock, Dictionary<string, Timing> timings) =>
        [.. runbook.Guards.Select(guard =>
        {
            if (!timings.TryGetValue(guard.From, out var from))
            {
                throw new InvalidOperationException($"Guard '{guard.Id}' starts from unknown step '{guard.From}'. Validate the runbook first.");
            }

            var until = guard.Until?.ResolveAgainst(t0);
            return new PlannedGuard
            {
                Id = guard.Id,
                Title = guard.Title,
                From = guard.From,
                ActiveFrom = from.Finish,
                ActiveFromClock = clock.At(from.Finish),
                Until = guard.Until,
                ActiveUntil = until,
                ActiveUntilClock = until is { } u ? clock.At(u) : null,
                Every = guard.Every,
                Then = guard.Then,
                RequiresApproval = guard.Approval is not null,
            };
        })];

    private sealed record Timing(
        DateTimeOffset? AnchorTime,
        DateTimeOffset Start,
        DateTimeOffset Finish,
        DateTimeOffset StartLatest,
        DateTimeOffset FinishLatest,
        TimeSpan Expected,
        TimeSpan Latest);
}
