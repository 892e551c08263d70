namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person skipped a failed undo action.</summary>
public sealed record CompensationSkipped(int Index, string StepId, string By, string Source) : RunEvent;
