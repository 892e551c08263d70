using System.Collections.Immutable;
using RunbookRunner.Core.Runs.Events;

namespace RunbookRunner.Core.Runs.State;

/// <summary>The folded state of one approval request (of a step or a guard).</summary>
public sealed record ApprovalState(string Target)
{
    public IReadOnlyList<string> Eligible { get; init; } = [];

    /// <summary>Distinct approvers needed; with <see cref="Quotas"/>, the sum of the role counts.</summary>
    public int Required { get; init; } = 1;

    /// <summary>Per-role counts; empty when any mix of the eligible people counts.</summary>
    public IReadOnlyList<RoleQuota> Quotas { get; init; } = [];

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

    /// <summary>Grants that count towards <see cref="Required"/> (with quotas, as many as one-role-per-person allows).</summary>
    public int Counted => Quotas.Count == 0 ? Grants.Count : QuotaMatching.Filled(Quotas, Grants.Select(g => g.By));

    public bool IsOpen => Rejection is null && Counted < Required;

    public int StillNeeded => Math.Max(0, Required - Counted);

    public bool GatesPassing => Gates is null || Gates.All(g => g.Passed);

    /// <summary>Whether a grant by <paramref name="user"/> would count: eligible, not yet granted, and filling an open place.</summary>
    public bool WouldCount(string user)
    {
        if (!IsOpen || !Eligible.Contains(user, StringComparer.Ordinal) || Grants.Any(g => g.By == user))
        {
            return false;
        }

        return Quotas.Count == 0 || QuotaMatching.Filled(Quotas, Grants.Select(g => g.By).Append(user)) > Counted;
    }

    /// <summary>Per-role progress, in the order of the quotas; empty without quotas.</summary>
    public IReadOnlyList<RoleProgress> ProgressByRole()
    {
        if (Quotas.Count == 0)
        {
            return [];
        }

        var holders = QuotaMatching.Assign(Quotas, Grants.Select(g => g.By));
        return [.. Quotas.Select((q, i) => new RoleProgress(q.Role, holders[i], q.Count))];
    }

    /// <summary>Progress in words: <c>1 of 2</c>, or per role <c>release-managers 1/1, product 0/1</c>.</summary>
    public string ProgressText =>
        Quotas.Count == 0
            ? $"{Grants.Count} of {Required}"
            : string.Join(", ", ProgressByRole().Select(p => $"{p.Role} {p.CountedBy.Count}/{p.Required}"));
}
