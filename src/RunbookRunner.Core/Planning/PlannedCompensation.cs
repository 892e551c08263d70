using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// One entry of the rollback sequence: for <see cref="CompensationSource.Undo"/>, <see cref="Id"/> is the step whose
/// undo runs; for <see cref="CompensationSource.Rollback"/>, it is the id of the rollback step.
/// </summary>
public sealed record PlannedCompensation(string Id, string Title, CompensationSource Source, StepKind Kind, string? Action);
