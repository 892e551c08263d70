namespace RunbookRunner.Core.Planning;

/// <summary>
/// The timeline of a runbook for one launch time (T0) and environment, as computed by <see cref="RunPlanner.Plan"/>.
/// </summary>
public sealed record RunPlan
{
    /// <summary>The runbook's name (slug).</summary>
    public required string Runbook { get; init; }

    public string? Title { get; init; }

    /// <summary>The launch time every <c>T±</c> anchor is relative to.</summary>
    public required DateTimeOffset T0 { get; init; }

    /// <summary>IANA time zone of <see cref="PlannedStep.ClockTime"/>.</summary>
    public required string TimeZone { get; init; }

    public string? Environment { get; init; }

    /// <summary>When the run begins: the earlier of T0 and the earliest anchor of a step that runs.</summary>
    public required DateTimeOffset RunStart { get; init; }

    /// <summary>Expected finish of the run: the latest <see cref="PlannedStep.PlannedFinish"/>.</summary>
    public required DateTimeOffset PlannedFinish { get; init; }

    /// <summary>Worst-case finish of the run: the latest <see cref="PlannedStep.PlannedFinishLatest"/>.</summary>
    public required DateTimeOffset PlannedFinishLatest { get; init; }

    /// <summary>Every step, in runbook order.</summary>
    public required IReadOnlyList<PlannedStep> Steps { get; init; }

    /// <summary>Step ids, first to last, of the chain that determines <see cref="PlannedFinishLatest"/>.</summary>
    public required IReadOnlyList<string> CriticalPath { get; init; }

    /// <summary>Groups (of two or more step ids) that share exactly the same dependencies and so run in parallel.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> ParallelGroups { get; init; }

    /// <summary>What a rollback runs, in order: undos in reverse planned completion order, then the rollback steps.</summary>
    public required IReadOnlyList<PlannedCompensation> Rollback { get; init; }

    public required IReadOnlyList<PlannedGuard> Guards { get; init; }

    public PlannedStep? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>Steps ordered by expected start (ties keep runbook order): the timeline as people read it.</summary>
    public IReadOnlyList<PlannedStep> Timeline() => [.. Steps.OrderBy(s => s.PlannedStart)];
}
