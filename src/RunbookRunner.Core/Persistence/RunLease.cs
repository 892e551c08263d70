namespace RunbookRunner.Core.Persistence;

/// <summary>A node's right to advance a run until <see cref="ExpiresAt"/>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="NodeId">The node holding it.</param>
/// <param name="ExpiresAt">When it lapses unless renewed.</param>
/// <param name="Generation">Grows every time the lease changes hands or is taken after expiry (a fencing token).</param>
public sealed record RunLease(string RunId, string NodeId, DateTimeOffset ExpiresAt, long Generation);
