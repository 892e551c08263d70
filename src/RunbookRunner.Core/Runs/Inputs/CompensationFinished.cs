using RunbookRunner.Core.Execution;

namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>An undo action ended.</summary>
public sealed record CompensationFinished(int Index, int Attempt, ActionResult Result) : RunInput;
