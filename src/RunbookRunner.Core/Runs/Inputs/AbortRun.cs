namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Stop the run without rollback.</summary>
public sealed record AbortRun(Actor By, string? Reason = null) : RunInput;
