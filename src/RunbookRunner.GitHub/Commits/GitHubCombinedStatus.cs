namespace RunbookRunner.GitHub.Commits;

/// <summary>The combined commit status of a ref: <c>pending</c> when there are no statuses at all.</summary>
public sealed record GitHubCombinedStatus
{
    public GitHubCommitState State { get; init; }

    public string Sha { get; init; } = "";

    /// <summary>Number of distinct contexts.</summary>
    public int TotalCount { get; init; }

    public IReadOnlyList<GitHubCommitStatus> Statuses { get; init; } = [];
}
