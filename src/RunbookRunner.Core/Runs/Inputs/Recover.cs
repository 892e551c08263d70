namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>A node took over this run after a crash: decide what to do with steps that were running.</summary>
public sealed record Recover : RunInput;
