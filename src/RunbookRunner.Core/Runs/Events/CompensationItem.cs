namespace RunbookRunner.Core.Runs.Events;

/// <summary>One planned undo: the undo of step <paramref name="StepId"/>, or a step of the rollback list.</summary>
public sealed record CompensationItem(int Index, string StepId, bool IsRollbackStep);
