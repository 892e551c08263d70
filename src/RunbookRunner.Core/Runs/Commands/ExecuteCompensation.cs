using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Run an undo action; report with CompensationFinished.</summary>
public sealed record ExecuteCompensation(int Index, string StepId, int Attempt, ActionCall Call, TimeSpan? Timeout) : RunCommand;
