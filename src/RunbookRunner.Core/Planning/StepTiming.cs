using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Planning;

/// <summary>The duration rules of the planner, shared by <see cref="RunPlanner.Plan"/> and <see cref="RunPlanner.Forecast(RunPlan, IReadOnlyDictionary{string, StepActual}, DateTimeOffset)"/>.</summary>
internal static class StepTiming
{
    /// <summary>A wait lasts its duration; everything else is expected to take no time.</summary>
    public static TimeSpan Expected(Step step) =>
        step.Kind == StepKind.Wait ? step.Wait ?? TimeSpan.Zero : TimeSpan.Zero;

    /// <summary>
    /// Worst case of one occurrence: a wait's duration; an approval's timeout; a manual task's timeout; an action's
    /// approval timeout (if it asks first) plus every attempt running to its timeout plus the backoffs between them.
    /// A missing timeout counts as zero (the validator warns about it).
    /// </summary>
    public static TimeSpan Latest(Runbook runbook, Step step)
    {
        switch (step.Kind)
        {
            case StepKind.Wait:
                return step.Wait ?? TimeSpan.Zero;
            case StepKind.Approval:
                return step.Approval?.Timeout ?? step.Timeout ?? TimeSpan.Zero;
            case StepKind.Manual:
                return runbook.TimeoutOf(step) ?? TimeSpan.Zero;
            default:
                var timeout = runbook.TimeoutOf(step) ?? TimeSpan.Zero;
                var retry = runbook.RetryOf(step);
                var attempts = Math.Max(1, retry.Attempts);
                var total = (step.Approval?.Timeout ?? TimeSpan.Zero) + (timeout * attempts);
                for (var attempt = 2; attempt <= attempts; attempt++)
                {
                    total += retry.DelayBefore(attempt);
                }

                return total;
        }
    }

    /// <summary>The later of the anchor (ignored for a skipped step) and every dependency's finish; the run start for a free step.</summary>
    public static DateTimeOffset Start(DateTimeOffset? anchorTime, bool skipped, IEnumerable<DateTimeOffset> dependencyFinishes, DateTimeOffset runStart)
    {
        DateTimeOffset? start = null;
        foreach (var finish in dependencyFinishes)
        {
            start = start is { } s && s >= finish ? s : finish;
        }

        if (!skipped && anchorTime is { } anchor)
        {
            start = start is { } s && s >= anchor ? s : anchor;
        }

        return start ?? runStart;
    }

    /// <summary>
    /// Occurrences of a step starting at <paramref name="start"/>: one, or for a recurring step with an end, every
    /// interval up to <paramref name="until"/> (at least one). Without an end the step counts as one occurrence
    /// for scheduling: its dependents wait for the first occurrence only.
    /// </summary>
    public static (DateTimeOffset LastStart, int? Count) Occurrences(DateTimeOffset start, TimeSpan? every, DateTimeOffset? until)
    {
        if (every is not { } interval || interval <= TimeSpan.Zero)
        {
            return (start, 1);
        }

        if (until is not { } end)
        {
            return (start, null);
        }

        var count = end >= start ? (int)Math.Min(int.MaxValue, ((end - start).Ticks / interval.Ticks) + 1) : 1;
        return (start + (interval * (count - 1)), count);
    }

    /// <summary>When a step that starts at <paramref name="start"/> finishes (its last occurrence, for recurring steps).</summary>
    public static DateTimeOffset Finish(DateTimeOffset start, TimeSpan duration, bool skipped, TimeSpan? every, DateTimeOffset? until) =>
        skipped ? start : Occurrences(start, every, until).LastStart + duration;

    /// <summary>
    /// Worst-case finish: as <see cref="Finish"/>, except that a recurring step with an end may have an occurrence
    /// right at its <c>until</c> (a late start shifts every occurrence), so its last one counts from there.
    /// </summary>
    public static DateTimeOffset FinishLatest(DateTimeOffset start, TimeSpan duration, bool skipped, TimeSpan? every, DateTimeOffset? until) =>
        skipped ? start
        : every is { } interval && interval > TimeSpan.Zero && until is { } end && end > start ? end + duration
        : start + duration;
}
