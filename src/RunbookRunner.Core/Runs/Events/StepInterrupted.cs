namespace RunbookRunner.Core.Runs.Events;

/// <summary>A non-idempotent step was running when its node died: a person must decide.</summary>
public sealed record StepInterrupted(string StepId, int Attempt) : RunEvent;
