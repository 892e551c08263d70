namespace RunbookRunner.GitHub.Commits;

/// <summary>The green rule, as a pure function of a combined status and the check runs of the same commit.</summary>
internal static class RefHealthEvaluator
{
    public static GitHubRefHealth Evaluate(string reference, GitHubCombinedStatus combined, IReadOnlyList<GitHubCheckRun> checkRuns)
    {
        var failingStatuses = combined.Statuses.Where(s => s.State is GitHubCommitState.Failure or GitHubCommitState.Error).ToList();
        var pendingStatuses = combined.Statuses.Where(s => s.State == GitHubCommitState.Pending).ToList();
        var pendingChecks = checkRuns.Where(c => !c.IsCompleted).ToList();
        var failingChecks = checkRuns.Where(c => c.IsCompleted && !c.IsPassing).ToList();
        // GitHub reports "pending" when a commit has no statuses at all; that alone must not block.
        var statusesGreen = combined.State == GitHubCommitState.Success
            || (combined.TotalCount == 0 && combined.Statuses.Count == 0);
        return new GitHubRefHealth
        {
            Ref = reference,
            Sha = combined.Sha,
            IsGreen = statusesGreen && pendingChecks.Count == 0 && failingChecks.Count == 0,
            CombinedState = combined.State,
            Statuses = combined.Statuses,
            CheckRuns = checkRuns,
            FailingStatuses = failingStatuses,
            PendingStatuses = pendingStatuses,
            FailingCheckRuns = failingChecks,
            PendingCheckRuns = pendingChecks,
        };
    }
}
