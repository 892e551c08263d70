using System.Collections.Immutable;
using RunbookRunner.Core.Runs.Events;

namespace RunbookRunner.Core.Runs.State;

/// <summary>The folded state of one approval request (of a step or a guard).</summary>
public sealed record ApprovalState(string Target)
{
    public IReadOnlyList<string> Eligible { get; init; } = [];

    public int Required { get; init; } = 1;

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? TimeoutAt { get; init; }

    public DateTimeOffset? EscalateAt { get; init; }

    public bool Escalated { get; init; }

    public bool TimedOut { get; init; }

    public ImmutableList<ApprovalGranted> Grants { get; init; } = [];

    public ApprovalRejected? Rejection { get; init; }

    /// <summary>Latest gate evidence; null until gates were evaluated (or when there are none).</summary>
    public IReadOnlyList<GateResult>? Gates { get; init; }

    public DateTimeOffset? GatesCheckedAt { get; init; }

    public bool IsOpen => Rejection is null && Grants.Count < Required;

    public int StillNeeded => Math.Max(0, Required - Grants.Count);

    public bool GatesPassing => Gates is null || Gates.All(g => g.Passed);
}
