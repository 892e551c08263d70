namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Roll back now.</summary>
public sealed record RollbackRun(Actor By, string? Reason = null) : RunInput;
