namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>A node took over this run after a crash: decide what to do with steps that were running there (null: every running step).</summary>
public sealed record Recover(IReadOnlyList<string>? OrphanedSteps = null) : RunInput;
