using System.Text;

namespace RunbookRunner.GitHub.Commits;

/// <summary>
/// Whether a ref is green, with the evidence. Green means the combined status is <c>success</c> (or there are no
/// statuses) and every check run completed as success, neutral or skipped.
/// </summary>
public sealed record GitHubRefHealth
{
    /// <summary>The ref asked about (branch, tag or SHA).</summary>
    public required string Ref { get; init; }

    /// <summary>The commit the verdict is about; check runs were read for this exact SHA.</summary>
    public required string Sha { get; init; }

    public required bool IsGreen { get; init; }

    public required GitHubCommitState CombinedState { get; init; }

    public IReadOnlyList<GitHubCommitStatus> Statuses { get; init; } = [];

    public IReadOnlyList<GitHubCheckRun> CheckRuns { get; init; } = [];

    /// <summary>Statuses in <c>failure</c> or <c>error</c>.</summary>
    public IReadOnlyList<GitHubCommitStatus> FailingStatuses { get; init; } = [];

    public IReadOnlyList<GitHubCommitStatus> PendingStatuses { get; init; } = [];

    /// <summary>Completed check runs whose conclusion blocks (failure, cancelled, timed_out, action_required…).</summary>
    public IReadOnlyList<GitHubCheckRun> FailingCheckRuns { get; init; } = [];

    /// <summary>Check runs not completed yet.</summary>
    public IReadOnlyList<GitHubCheckRun> PendingCheckRuns { get; init; } = [];

    /// <summary>One line for gates and narration, e.g. <c>not green: failing ci/build (failure); pending check lint (in_progress)</c>.</summary>
    public string Summary
    {
        get
        {
            var shortSha = Sha.Length > 7 ? Sha[..7] : Sha;
            if (IsGreen)
            {
                return $"{Ref} ({shortSha}) is green: {Statuses.Count} status(es), {CheckRuns.Count} check run(s) passed";
            }

            var text = new StringBuilder($"{Ref} ({shortSha}) is not green:");
            var failing = FailingStatuses.Select(s => $"{s.Context} ({s.State.ToString().ToLowerInvariant()})")
                .Concat(FailingCheckRuns.Select(c => $"check {c.Name} ({c.Conclusion ?? "no conclusion"})"))
                .ToList();
            var pending = PendingStatuses.Select(s => s.Context)
                .Concat(PendingCheckRuns.Select(c => $"check {c.Name} ({c.Status})"))
                .ToList();
            if (failing.Count > 0)
            {
                text.Append(" failing ").AppendJoin(", ", failing);
            }

            if (pending.Count > 0)
            {
                text.Append(failing.Count > 0 ? ";" : "").Append(" pending ").AppendJoin(", ", pending);
            }

            if (failing.Count == 0 && pending.Count == 0)
            {
                text.Append(" combined status is ").Append(CombinedState.ToString().ToLowerInvariant());
            }

            return text.ToString();
        }
    }
}
