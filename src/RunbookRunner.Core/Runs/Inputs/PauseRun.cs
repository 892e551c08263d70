namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Stop starting new steps.</summary>
public sealed record PauseRun(Actor By) : RunInput;
