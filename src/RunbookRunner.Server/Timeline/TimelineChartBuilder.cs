using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Server.Runs;

namespace RunbookRunner.Server.Timeline;

/// <summary>Builds <see cref="TimelineChart"/>s from a plan alone (runbook page) or from a run's plan, state and journal. Pure.</summary>
public static class TimelineChartBuilder
{
    private static readonly TimeSpan MinimumSpan = TimeSpan.FromMinutes(1);

    /// <summary>The chart of a plan: planned windows only.</summary>
    public static TimelineChart ForPlan(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = plan.Timeline().Select(p => PlannedRow(p, "planned")).ToList();
        var end = Max(plan.Steps.Where(s => s.Recurrence is null).Select(s => s.PlannedFinishLatest).Append(plan.PlannedFinish).Append(plan.T0));
        return new TimelineChart
        {
            Start = plan.RunStart,
            End = Pad(plan.RunStart, end),
            T0 = plan.T0,
            TimeZone = plan.TimeZone,
            Rows = rows,
        };
    }

    /// <summary>
    /// The chart of a run: planned windows (from <paramref name="plan"/>, when the runbook could be planned) against
    /// actual bars from <paramref name="state"/>, marks from <paramref name="events"/>, the now line while it runs.
    /// </summary>
    public static TimelineChart ForRun(RunPlan? plan, RunState state, IReadOnlyList<RunEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var end = state.IsTerminal ? state.FinishedAt ?? now : now;
        var marks = StepMarks(events);
        var order = plan?.Timeline().Select(p => p.Id).ToList() ?? [.. state.Runbook.Steps.Select(s => s.Id)];
        var rows = new List<TimelineRow>(order.Count);
        foreach (var id in order)
        {
            var step = state.Steps[id];
            var planned = plan?.FindStep(id);
            var row = planned is not null
                ? PlannedRow(planned, StatusNames.Of(step.Status))
                : FallbackRow(state, id);
            var actualFinish = step.FinishedAt ?? (step.StartedAt is not null ? end : (DateTimeOffset?)null);
            var pendingLate = !state.IsTerminal && step.StartedAt is null && step.Status is StepStatus.Pending or StepStatus.Waiting or StepStatus.AwaitingApproval
                ? now - row.PlannedStart
                : TimeSpan.Zero;
            rows.Add(row with
            {
                ActualStart = step.StartedAt,
                ActualFinish = actualFinish,
                InProgress = step.StartedAt is not null && step.FinishedAt is null && !state.IsTerminal,
                Attempts = step.Attempts,
                Lateness = Positive(step.StartedAt is { } started ? started - row.PlannedStart : pendingLate),
                Marks = marks.TryGetValue(id, out var m) ? m : [],
            });
        }

        var first = new[] { state.CreatedAt, state.StartedAt, plan?.RunStart }
            .Concat(rows.Select(r => r.ActualStart))
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .DefaultIfEmpty(state.T0)
            .Min();
        var last = Max(rows.Where(r => !IsRecurring(state, r.StepId)).Select(r => r.PlannedFinish)
            .Concat(rows.Select(r => r.ActualFinish ?? first))
            .Append(end));
        return new TimelineChart
        {
            Start = first,
            End = Pad(first, last),
            T0 = state.T0,
            TimeZone = plan?.TimeZone ?? state.Runbook.TimeZone,
            Now = state.IsTerminal ? null : now,
            Lateness = RunSummary.Lateness(state, state.IsTerminal ? null : now),
            Rows = rows,
            Marks = RunMarks(events),
        };
    }

    private static TimelineRow PlannedRow(PlannedStep p, string state) => new()
    {
        StepId = p.Id,
        Title = p.Title,
        Kind = RunMapper.KindName(p.Kind),
        State = state,
        Critical = p.Critical,
        Skipped = p.Skipped,
        Anchor = p.Anchor?.ToString(),
        PlannedStart = p.PlannedStart,
        PlannedFinish = p.PlannedFinish,
        PlannedFinishLatest = p.PlannedFinishLatest,
    };

    private static TimelineRow FallbackRow(RunState state, string id)
    {
        var step = state.Runbook.FindStep(id)!;
        var anchor = state.AnchorOf(step) ?? state.T0;
        return new TimelineRow
        {
            StepId = id,
            Title = step.DisplayName,
            Kind = RunMapper.KindName(step.Kind),
            State = StatusNames.Of(state.Steps[id].Status),
            Anchor = step.At?.ToString(),
            PlannedStart = anchor,
            PlannedFinish = anchor,
            PlannedFinishLatest = anchor,
        };
    }

    private static bool IsRecurring(RunState state, string stepId) => state.Runbook.FindStep(stepId)?.IsRecurring == true;

    private static Dictionary<string, List<TimelineMark>> StepMarks(IReadOnlyList<RunEvent> events)
    {
        var marks = new Dictionary<string, List<TimelineMark>>(StringComparer.Ordinal);
        void Add(string stepId, TimelineMark mark)
        {
            if (!marks.TryGetValue(stepId, out var list))
            {
                marks[stepId] = list = [];
            }

            list.Add(mark);
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case ApprovalGranted g when !ApprovalTargets.IsGuard(g.Target):
                    Add(g.Target, new TimelineMark(g.At, TimelineMarkKind.Approval, $"approved by {g.By} ({g.Source})"));
                    break;
                case ApprovalRejected r when !ApprovalTargets.IsGuard(r.Target):
                    Add(r.Target, new TimelineMark(r.At, TimelineMarkKind.Rejection, $"rejected by {r.By} ({r.Source})"));
                    break;
                case StepFailed f:
                    Add(f.StepId, new TimelineMark(f.At, TimelineMarkKind.Failure, $"attempt {f.Attempt} failed"));
                    break;
                case StepRetried r:
                    Add(r.StepId, new TimelineMark(r.At, TimelineMarkKind.Retry, $"retried by {r.By} ({r.Source})"));
                    break;
                case CompensationSucceeded c:
                    Add(c.StepId, new TimelineMark(c.At, TimelineMarkKind.Compensation, "undone"));
                    break;
                case CompensationFailed c:
                    Add(c.StepId, new TimelineMark(c.At, TimelineMarkKind.Failure, "undo failed"));
                    break;
            }
        }

        return marks;
    }

    private static List<TimelineMark> RunMarks(IReadOnlyList<RunEvent> events) =>
        [.. events.Select(e => e switch
        {
            RollbackStarted r => new TimelineMark(r.At, TimelineMarkKind.Rollback, r.By is { } by ? $"rollback by {by}" : "rollback"),
            RunPaused p => new TimelineMark(p.At, TimelineMarkKind.Pause, p.By is { } by ? $"paused by {by}" : "paused"),
            GuardTripped t => new TimelineMark(t.At, TimelineMarkKind.GuardTrip, $"guard {t.GuardId} tripped"),
            RunAborted a => new TimelineMark(a.At, TimelineMarkKind.Abort, a.By is { } by ? $"aborted by {by}: {a.Reason}" : $"aborted: {a.Reason}"),
            _ => null,
        }).OfType<TimelineMark>()];

    private static DateTimeOffset Max(IEnumerable<DateTimeOffset> times) => times.Max();

    private static DateTimeOffset Pad(DateTimeOffset start, DateTimeOffset end)
    {
        var span = end - start < MinimumSpan ? MinimumSpan : end - start;
        return start + span + TimeSpan.FromTicks(span.Ticks / 25);
    }

    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;
}
