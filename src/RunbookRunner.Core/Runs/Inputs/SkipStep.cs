namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Skip a step (or a failed undo action).</summary>
public sealed record SkipStep(string StepId, Actor By) : RunInput;
