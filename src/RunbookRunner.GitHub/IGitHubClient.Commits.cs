using RunbookRunner.GitHub.Commits;

namespace RunbookRunner.GitHub;

public partial interface IGitHubClient
{
    /// <summary>The commit a branch points at (<c>GET /repos/{o}/{r}/git/ref/heads/{branch}</c>).</summary>
    Task<GitHubRef> GetBranchHeadAsync(GitHubRepository repository, string branch, CancellationToken cancellationToken = default);

    /// <summary>A commit by branch, tag or SHA (<c>GET /repos/{o}/{r}/commits/{ref}</c>).</summary>
    Task<GitHubCommit> GetCommitAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default);

    /// <summary>The combined status of a ref, all pages of statuses.</summary>
    Task<GitHubCombinedStatus> GetCombinedStatusAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default);

    /// <summary>All check runs of a ref (latest per name), following <c>Link</c> pages.</summary>
    Task<IReadOnlyList<GitHubCheckRun>> ListCheckRunsAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default);

    /// <summary>Whether a ref is green (combined status and check runs of the same commit), with the evidence.</summary>
    Task<GitHubRefHealth> GetRefHealthAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default);
}
