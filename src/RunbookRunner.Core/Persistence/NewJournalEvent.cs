namespace RunbookRunner.Core.Persistence;

/// <summary>An event to append; the store assigns its sequence number.</summary>
/// <param name="Type">Event type name (<c>StepStarted</c>).</param>
/// <param name="DataJson">The event body as JSON (already redacted: the journal never holds secrets).</param>
/// <param name="At">When it happened by the engine's clock.</param>
public sealed record NewJournalEvent(string Type, string DataJson, DateTimeOffset At);
