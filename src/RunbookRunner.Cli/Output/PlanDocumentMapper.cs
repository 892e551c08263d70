using RunbookRunner.Cli.Output.Json;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Cli.Output;

/// <summary>Maps a <see cref="RunPlan"/> to the JSON contract of <c>runbook plan</c>.</summary>
internal static class PlanDocumentMapper
{
    public static PlanDocument Map(RunPlan plan) => new(
        plan.Runbook,
        CliJson.Instant(plan.T0),
        plan.TimeZone,
        plan.Environment,
        [.. plan.Steps.Select(MapStep)],
        plan.CriticalPath,
        [.. plan.Rollback.Select(r => new RollbackEntryDocument(r.Id, Lower(r.Source), Lower(r.Kind), r.Action))],
        [.. plan.Guards.Select(g => new GuardDocument(
            g.Id,
            g.From,
            CliJson.Instant(g.ActiveFrom),
            g.ActiveUntil is { } until ? CliJson.Instant(until) : null,
            Durations.Format(g.Every),
            Lower(g.Then),
            g.RequiresApproval))],
        plan.Title,
        CliJson.Instant(plan.RunStart),
        CliJson.Instant(plan.PlannedFinish),
        CliJson.Instant(plan.PlannedFinishLatest),
        plan.ParallelGroups);

    private static PlanStepDocument MapStep(PlannedStep s) => new(
        s.Id,
        Lower(s.Kind),
        CliJson.Instant(s.PlannedStart),
        CliJson.Instant(s.PlannedFinishLatest),
        s.TOffsetText,
        s.ClockTime.Iso,
        s.After,
        s.Critical,
        s.Title,
        s.Action,
        s.HasApproval,
        s.Anchor?.ToString(),
        CliJson.Instant(s.PlannedFinish),
        CliJson.Instant(s.PlannedStartLatest),
        s.IsBehindAnchor ? Durations.Format(s.BehindAnchor) : null,
        s.Skipped,
        s.ParallelGroup,
        s.Recurrence is { } r
            ? new RecurrenceDocument(
                Durations.Format(r.Every),
                r.Until?.ToString(),
                CliJson.Instant(r.FirstOccurrence),
                r.Occurrences,
                r.LastOccurrence is { } last ? CliJson.Instant(last) : null)
            : null);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
