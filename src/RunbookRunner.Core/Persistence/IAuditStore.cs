namespace RunbookRunner.Core.Persistence;

/// <summary>
/// The tamper-evident audit trail. Entries about runs are usually written with the run's batch
/// (<see cref="AppendBatch.Audit"/>); this port writes the rest (tokens, denied clicks) and reads and verifies.
/// </summary>
public interface IAuditStore
{
    Task<AuditEntry> AppendAsync(NewAuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain and reports the first entry that does not check out.</summary>
    Task<AuditVerification> VerifyChainAsync(CancellationToken cancellationToken = default);
}
