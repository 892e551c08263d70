namespace RunbookRunner.Core.Persistence;

/// <summary>
/// The transactional outbox. Messages are written with the journal (<see cref="AppendBatch.Outbox"/>) and
/// delivered afterwards by whichever node claims them.
/// </summary>
/// <remarks>
/// Order is kept per (run, target): a message is handed out only when every earlier undelivered message of
/// its run and target is handed out in the same claim. A deliverer delivers a claim's messages of one
/// (run, target) in id order and stops that group at the first failure.
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Adds messages outside a run transaction (e.g. notices about tokens); null run id for none.</summary>
    Task EnqueueAsync(string? runId, IReadOnlyList<NewOutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> deliverable messages for <paramref name="lease"/>, ordered by id.
    /// Deliverable: not delivered, not claimed by a live lease, retry time reached, and no earlier message of
    /// the same (run, target) left behind.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimNextAsync(string nodeId, int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ClaimNextAsync(string, int, TimeSpan, CancellationToken)"/>, but leaves every message of the runs in
    /// <paramref name="skipRunIds"/> (empty string: messages without a run) where it is, so a deliverer that already holds
    /// plenty for some runs (one busy channel) spends its claim on the others. Skipping whole runs keeps the order rule.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimNextAsync(string nodeId, int max, TimeSpan lease, IReadOnlyCollection<string> skipRunIds, CancellationToken cancellationToken = default);

    /// <summary>Marks a message delivered. False when this node's claim was lost (lease expired and taken over).</summary>
    Task<bool> CompleteAsync(long messageId, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks several messages delivered in one transaction (a dispatcher's batch); returns how many this node
    /// still held. Messages whose claim was lost are left alone.
    /// </summary>
    Task<int> CompleteManyAsync(IReadOnlyList<long> messageIds, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt: increments the attempt count, keeps <paramref name="error"/>, and holds the message
    /// (and so its whole run/target group) back until <paramref name="retryAt"/>. Later messages of the group that
    /// this node holds are released. False when this node's claim was lost.
    /// </summary>
    Task<bool> FailAsync(long messageId, string nodeId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken = default);

    Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken = default);
}
