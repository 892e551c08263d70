namespace RunbookRunner.Core.Model;

/// <summary>Who must approve, how many, and what happens when nobody does in time.</summary>
public sealed record ApprovalSpec
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Number of distinct approvers needed (N of M); with <see cref="Quotas"/>, their sum.</summary>
    public int Required { get; init; } = 1;

    /// <summary>
    /// Per-role counts (<c>required: { role: n }</c> or <c>required: all</c>); empty when any mix of the roles'
    /// people counts. With quotas, one person counts for one role only.
    /// </summary>
    public IReadOnlyList<ApprovalQuota> Quotas { get; init; } = [];

    /// <summary><c>required: all</c>: one person from every listed role.</summary>
    public bool RequiresAll { get; init; }

    /// <summary>The person who started the run may not approve it.</summary>
    public bool ForbidSelf { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>Roles mentioned on escalation; empty means the approver roles.</summary>
    public IReadOnlyList<string> EscalateTo { get; init; } = [];

    public TimeoutPolicy OnTimeout { get; init; } = TimeoutPolicy.Pause;

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
