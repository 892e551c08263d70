namespace RunbookRunner.Cli.Output.Json;

/// <summary>The output of <c>runbook plan --format json</c>. Instants are UTC ISO-8601; the first keys are the stable contract.</summary>
internal sealed record PlanDocument(
    string Runbook,
    string T0,
    string Timezone,
    string? Environment,
    IReadOnlyList<PlanStepDocument> Steps,
    IReadOnlyList<string> CriticalPath,
    IReadOnlyList<RollbackEntryDocument> Rollback,
    IReadOnlyList<GuardDocument> Guards,
    string? Title,
    string RunStart,
    string PlannedFinish,
    string PlannedFinishLatest,
    IReadOnlyList<IReadOnlyList<string>> ParallelGroups);
