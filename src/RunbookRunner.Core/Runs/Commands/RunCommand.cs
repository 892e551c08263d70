namespace RunbookRunner.Core.Runs.Commands;

/// <summary>A side effect the engine must perform after the decision's events are committed.</summary>
public abstract record RunCommand;
