namespace RunbookRunner.Core.Persistence;

/// <summary>
/// Leases that let one node at a time advance a run. A node renews while it works; a dead node's leases
/// expire and another node takes them over.
/// </summary>
public interface IRunLeaseStore
{
    /// <summary>Takes the lease when free, expired or already ours (then extends it); null when another node holds it.</summary>
    Task<RunLease?> TryAcquireAsync(string runId, string nodeId, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Extends our live lease. Null when it expired or belongs to another node now: stop working on the run.</summary>
    Task<RunLease?> RenewAsync(string runId, string nodeId, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up so another node may take it at once. False when it was not ours.</summary>
    Task<bool> ReleaseAsync(string runId, string nodeId, CancellationToken cancellationToken = default);

    Task<RunLease?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Unfinished runs whose lease is free or expired, oldest first: the work a node may pick up.</summary>
    Task<IReadOnlyList<string>> ListClaimableRunIdsAsync(int limit = 1000, CancellationToken cancellationToken = default);
}
