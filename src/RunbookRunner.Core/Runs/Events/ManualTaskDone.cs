namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person ticked off a manual task.</summary>
public sealed record ManualTaskDone(string StepId, string By, string Source) : RunEvent;
