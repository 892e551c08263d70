namespace RunbookRunner.Core.Persistence;

/// <summary>
/// Everything one state transition writes, committed in a single transaction: journal events, the run's
/// read model, narration for the outbox, audit entries and the idempotency key of the command that caused it.
/// </summary>
public sealed record AppendBatch
{
    public IReadOnlyList<NewJournalEvent> Events { get; init; } = [];

    /// <summary>New read model; null leaves state, lateness and summary as they are.</summary>
    public RunSummaryUpdate? Run { get; init; }

    /// <summary>Messages to deliver after commit; they get this batch's run id.</summary>
    public IReadOnlyList<NewOutboxMessage> Outbox { get; init; } = [];

    /// <summary>Audit entries; an entry without a run id gets this batch's run id.</summary>
    public IReadOnlyList<NewAuditEntry> Audit { get; init; } = [];

    /// <summary>
    /// Idempotency key of the command (Slack action id, API request id). When a batch with the same key was
    /// already committed, nothing is written and the outcome is <see cref="AppendOutcome.DuplicateCommand"/>.
    /// </summary>
    public string? CommandKey { get; init; }
}
