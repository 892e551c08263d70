namespace RunbookRunner.Core.Runs.Events;

/// <summary>A guard started watching.</summary>
public sealed record GuardActivated(string GuardId, DateTimeOffset? Until) : RunEvent;
