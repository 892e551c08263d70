namespace RunbookRunner.Core.Runs.Events;

/// <summary>A person declined a guard's proposed response; the guard keeps watching.</summary>
public sealed record GuardDismissed(string GuardId, string By, string Source, string? Reason) : RunEvent;
