namespace RunbookRunner.Core.Runs.Events;

/// <summary>The undo actions to run, in order: undo of completed steps in reverse completion order, then the rollback list.</summary>
public sealed record CompensationPlanned(IReadOnlyList<CompensationItem> Items) : RunEvent;
