namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Run a failed or interrupted step (or undo action) again.</summary>
public sealed record RetryStep(string StepId, Actor By) : RunInput;
