namespace RunbookRunner.Core.Persistence;

/// <summary>Undelivered messages: how many, and since when the oldest waits (for metrics and readiness).</summary>
public sealed record OutboxBacklog(long Pending, DateTimeOffset? OldestCreatedAt);
