namespace RunbookRunner.Core.Persistence;

/// <summary>A stored journal event. Sequences start at 1 and have no gaps within a run.</summary>
public sealed record JournalEvent(string RunId, long Sequence, string Type, string DataJson, DateTimeOffset At);
