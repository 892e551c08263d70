namespace RunbookRunner.Contracts.Runs;

/// <summary>An approval request of a step (target = step id) or a guard (<c>guard:ID</c>).</summary>
public sealed record ApprovalDto
{
    public required string Target { get; init; }

    public int Required { get; init; }

    public required IReadOnlyList<ApprovalGrantDto> Granted { get; init; }

    /// <summary>Who may decide (Slack user ids, or token names).</summary>
    public required IReadOnlyList<string> Eligible { get; init; }

    public int StillNeeded { get; init; }

    /// <summary>Per-role progress when the approval counts per role (<c>required: { role: n }</c>); empty otherwise.</summary>
    public IReadOnlyList<ApprovalRoleDto> Roles { get; init; } = [];

    /// <summary>Progress in words: <c>1 of 2</c>, or per role <c>release-managers 1/1, product 0/1</c>.</summary>
    public string Progress => Roles.Count == 0 ? $"{Granted.Count} of {Required}" : string.Join(", ", Roles);

    /// <summary>Gate evidence; empty until evaluated or when the step has no gates.</summary>
    public IReadOnlyList<GateDto> Gates { get; init; } = [];

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? TimeoutAt { get; init; }

    public bool Escalated { get; init; }

    public bool TimedOut { get; init; }

    /// <summary>Set when someone said no.</summary>
    public ApprovalRejectionDto? Rejected { get; init; }

    public bool Open { get; init; }
}
