namespace RunbookRunner.Core.Runs.Events;

/// <summary>A guard's watch window ended.</summary>
public sealed record GuardExpired(string GuardId) : RunEvent;
