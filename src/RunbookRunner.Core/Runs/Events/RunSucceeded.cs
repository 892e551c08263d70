namespace RunbookRunner.Core.Runs.Events;

/// <summary>Every step is done and every guard's window has closed.</summary>
public sealed record RunSucceeded : RunEvent;
