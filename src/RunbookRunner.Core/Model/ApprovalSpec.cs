namespace RunbookRunner.Core.Model;

/// <summary>Who must approve, how many, and what happens when nobody does in time.</summary>
public sealed record ApprovalSpec
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Number of distinct approvers needed (N of M).</summary>
    public int Required { get; init; } = 1;

    /// <summary>The person who started the run may not approve it.</summary>
    public bool ForbidSelf { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>Roles mentioned on escalation; empty means the approver roles.</summary>
    public IReadOnlyList<string> EscalateTo { get; init; } = [];

    public TimeoutPolicy OnTimeout { get; init; } = TimeoutPolicy.Pause;

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
