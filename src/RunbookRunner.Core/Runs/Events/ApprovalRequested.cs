namespace RunbookRunner.Core.Runs.Events;

/// <summary>Approval is needed for a step (target = step id) or a guard (target = <c>guard:ID</c>).</summary>
/// <remarks>With <see cref="Quotas"/>, <see cref="Required"/> is their sum; journals written before quotas have none.</remarks>
public sealed record ApprovalRequested(string Target, IReadOnlyList<string> Eligible, int Required, DateTimeOffset? TimeoutAt, DateTimeOffset? EscalateAt) : RunEvent
{
    /// <summary>Per-role counts with each role's people at request time; null when any mix of the eligible counts.</summary>
    public IReadOnlyList<RoleQuota>? Quotas { get; init; }
}
