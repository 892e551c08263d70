namespace RunbookRunner.GitHub.Commits;

/// <summary>The latest status of one context (e.g. <c>ci/build</c>) on a commit.</summary>
public sealed record GitHubCommitStatus
{
    public GitHubCommitState State { get; init; }

    public string Context { get; init; } = "";

    public string? Description { get; init; }

    public string? TargetUrl { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
