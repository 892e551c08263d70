using RunbookRunner.GitHub.Issues;

namespace RunbookRunner.GitHub;

public sealed partial class GitHubRestClient
{
    public async Task<IReadOnlyList<GitHubIssue>> ListOpenIssuesWithAnyLabelAsync(
        GitHubRepository repository,
        IEnumerable<string> labels,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(labels);
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            throw new ArgumentException("Give at least one label: an issue counts when it carries any of them.", nameof(labels));
        }

        foreach (var label in distinct)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(label, nameof(labels));
            if (label.Contains(',', StringComparison.Ordinal))
            {
                // GitHub splits the labels filter on commas, so such a label cannot be queried on its own.
                throw new ArgumentException($"Label '{label}' contains a comma, which GitHub's issues filter cannot express.", nameof(labels));
            }
        }

        var byNumber = new Dictionary<long, GitHubIssue>();
        foreach (var label in distinct)
        {
            var page = await GetAllPagesAsync<List<IssueWire>, IssueWire>(
                WithPaging($"{repository.ApiPath}/issues?state=open&labels={Segment(label)}"),
                issues => issues,
                cancellationToken).ConfigureAwait(false);
            foreach (var issue in page.Where(issue => !issue.IsPullRequest))
            {
                byNumber.TryAdd(issue.Number, issue.ToIssue());
            }
        }

        return byNumber.Values.OrderBy(issue => issue.Number).ToList();
    }
}
