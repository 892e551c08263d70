using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Run attempt <paramref name="Attempt"/> of an action step, cancelled after <paramref name="Timeout"/>; report with ActionFinished.</summary>
public sealed record ExecuteStep(string StepId, int Attempt, ActionCall Call, TimeSpan? Timeout) : RunCommand;
