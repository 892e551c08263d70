using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>The real lease store, except that while <see cref="Down"/> every call fails: a node cut off from its database.</summary>
internal sealed class FailingLeases(IRunLeaseStore inner) : IRunLeaseStore
{
    public volatile bool Down;

    public Task<RunLease?> TryAcquireAsync(string runId, string nodeId, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Down ? Fail<RunLease?>() : inner.TryAcquireAsync(runId, nodeId, ttl, cancellationToken);

    public Task<RunLease?> RenewAsync(string runId, string nodeId, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Down ? Fail<RunLease?>() : inner.RenewAsync(runId, nodeId, ttl, cancellationToken);

    public Task<bool> ReleaseAsync(string runId, string nodeId, CancellationToken cancellationToken = default) =>
        Down ? Fail<bool>() : inner.ReleaseAsync(runId, nodeId, cancellationToken);

    public Task<RunLease?> GetAsync(string runId, CancellationToken cancellationToken = default) =>
        Down ? Fail<RunLease?>() : inner.GetAsync(runId, cancellationToken);

    public Task<IReadOnlyList<string>> ListClaimableRunIdsAsync(int limit = 1000, CancellationToken cancellationToken = default) =>
        Down ? Fail<IReadOnlyList<string>>() : inner.ListClaimableRunIdsAsync(limit, cancellationToken);

    private static Task<T> Fail<T>() => Task.FromException<T>(new TimeoutException("the database does not answer"));
}
