namespace RunbookRunner.GitHub.Commits;

/// <summary>One page of <c>GET /repos/{owner}/{repo}/commits/{ref}/check-runs</c>.</summary>
internal sealed record CheckRunsPageWire
{
    public int TotalCount { get; init; }

    public List<GitHubCheckRun> CheckRuns { get; init; } = [];
}
