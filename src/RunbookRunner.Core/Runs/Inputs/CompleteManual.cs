namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>A person ticks off a manual task (or marks an interrupted step done).</summary>
public sealed record CompleteManual(string StepId, Actor By) : RunInput;
