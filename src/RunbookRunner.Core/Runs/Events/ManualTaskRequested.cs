namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person must do a task and tick it off.</summary>
public sealed record ManualTaskRequested(string StepId, IReadOnlyList<string> Eligible) : RunEvent;
