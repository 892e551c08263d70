namespace RunbookRunner.Core.Runs.Inputs;

/// <summary>Something that happened to a run from outside the decider: a clock tick, an action result, a click.</summary>
public abstract record RunInput;
