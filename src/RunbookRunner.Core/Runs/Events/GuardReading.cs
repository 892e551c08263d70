namespace RunbookRunner.Core.Runs.Events;

/// <summary>One poll of a guard's check.</summary>
public sealed record GuardReading(string GuardId, double? Value, bool Breached, string Detail) : RunEvent;
