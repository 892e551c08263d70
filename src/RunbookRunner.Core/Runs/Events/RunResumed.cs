namespace RunbookRunner.Core.Runs.Events;

/// <summary>The run continues.</summary>
public sealed record RunResumed(string By, string Source) : RunEvent;
