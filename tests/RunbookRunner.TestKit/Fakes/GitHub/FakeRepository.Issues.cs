namespace RunbookRunner.TestKit.Fakes.GitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeIssue> issues = [];

    public IReadOnlyList<FakeIssue> Issues
    {
        get
        {
            lock (Gate)
            {
                return issues.ToList();
            }
        }
    }

    public FakeIssue AddIssue(string title, params string[] labels) => AddIssueOrPullRequest(title, labels, pullRequest: false);

    /// <summary>Adds a pull request; GitHub's issues list includes it, with a <c>pull_request</c> object.</summary>
    public FakeIssue AddPullRequest(string title, params string[] labels) => AddIssueOrPullRequest(title, labels, pullRequest: true);

    public void CloseIssue(long number)
    {
        lock (Gate)
        {
            var issue = issues.Single(i => i.Number == number);
            issue.State = "closed";
            issue.UpdatedAt = Now;
        }
    }

    private FakeIssue AddIssueOrPullRequest(string title, string[] labels, bool pullRequest)
    {
        lock (Gate)
        {
            var issue = new FakeIssue
            {
                Id = state.NextId(),
                Number = issues.Count + 1,
                Title = title,
                Labels = [.. labels],
                IsPullRequest = pullRequest,
                CreatedAt = Now,
                UpdatedAt = Now,
            };
            issues.Add(issue);
            return issue;
        }
    }
}
