using RunbookRunner.GitHub.Issues;

namespace RunbookRunner.GitHub;

public partial interface IGitHubClient
{
    /// <summary>
    /// Open issues carrying at least one of <paramref name="labels"/>, pull requests excluded, ordered by number.
    /// GitHub's <c>labels</c> filter means "all of", so each label is queried on its own and the results merged.
    /// </summary>
    Task<IReadOnlyList<GitHubIssue>> ListOpenIssuesWithAnyLabelAsync(GitHubRepository repository, IEnumerable<string> labels, CancellationToken cancellationToken = default);
}
