using RunbookRunner.Core.Execution;

namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>An attempt of an action step ended.</summary>
public sealed record ActionFinished(string StepId, int Attempt, ActionResult Result) : RunInput;
