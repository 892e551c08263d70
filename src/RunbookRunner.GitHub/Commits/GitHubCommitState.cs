namespace RunbookRunner.GitHub.Commits;

/// <summary>State of a commit status, and of the combined status of a ref.</summary>
public enum GitHubCommitState
{
    Error,
    Failure,
    Pending,
    Success,
}
