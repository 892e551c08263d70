namespace RunbookRunner.Contracts.Runbooks;

/// <summary>The planned timeline of a runbook for a T0: expected and worst-case times per step, critical path, rollback order.</summary>
public sealed record PlanDto
{
    public required string Runbook { get; init; }

    public string? Title { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public required string TimeZone { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset RunStart { get; init; }

    public required DateTimeOffset PlannedFinish { get; init; }

    public required DateTimeOffset PlannedFinishLatest { get; init; }

    public required IReadOnlyList<PlanStepDto> Steps { get; init; }

    public required IReadOnlyList<string> CriticalPath { get; init; }

    /// <summary>Steps of the rollback, in order: undo actions then the <c>rollback:</c> list.</summary>
    public required IReadOnlyList<string> Rollback { get; init; }

    public required IReadOnlyList<PlanGuardDto> Guards { get; init; }
}
