using FluentAssertions;
using RunbookRunner.GitHub.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRestClientIssuesTests
{
    [Fact]
    public async Task ListOpenIssuesWithAnyLabelAsync_MixedIssues_ReturnsOpenIssuesWithAnyLabelOnce()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var p0 = github.Repo.AddIssue("Checkout broken", "P0", "bug");
        var p1 = github.Repo.AddIssue("Slow search", "P1");
        var both = github.Repo.AddIssue("Data loss on retry", "P0", "P1");
        github.Repo.AddIssue("Typo", "P2");
        github.Repo.AddIssue("No labels");
        github.Repo.AddPullRequest("Fix checkout", "P0");
        var closed = github.Repo.AddIssue("Old outage", "P0");
        github.Repo.CloseIssue(closed.Number);

        var issues = await github.Client.ListOpenIssuesWithAnyLabelAsync(github.Repository, ["P0", "P1"]);

        issues.Select(i => i.Number).Should().Equal(p0.Number, p1.Number, both.Number);
        issues.Single(i => i.Number == both.Number).Labels.Should().BeEquivalentTo("P0", "P1");
        issues.Single(i => i.Number == p0.Number).HtmlUrl.Should().EndWith($"/acme/platform/issues/{p0.Number}");
        issues.Should().OnlyContain(i => i.State == "open" && i.Author == "octocat");
    }

    [Fact]
    public async Task ListOpenIssuesWithAnyLabelAsync_TwoLabels_QueriesEachLabelSeparately()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var issues = await github.Client.ListOpenIssuesWithAnyLabelAsync(github.Repository, ["P0", "needs triage", "P0"]);

        issues.Should().BeEmpty();
        github.Requests.Select(r => r.PathAndQuery).Should().Equal(
            "/repos/acme/platform/issues?state=open&labels=P0&per_page=100",
            "/repos/acme/platform/issues?state=open&labels=needs%20triage&per_page=100");
    }

    [Fact]
    public async Task ListOpenIssuesWithAnyLabelAsync_MoreThanOnePage_ReadsAllPagesAndSkipsPullRequests()
    {
        await using var github = await GitHubTestContext.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            github.Repo.AddIssue($"Issue {i}", "P0");
        }

        for (var i = 0; i < 15; i++)
        {
            github.Repo.AddPullRequest($"PR {i}", "P0");
        }

        var issues = await github.Client.ListOpenIssuesWithAnyLabelAsync(github.Repository, ["P0"]);

        issues.Should().HaveCount(120);
        issues.Select(i => i.Number).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        github.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListOpenIssuesWithAnyLabelAsync_NoLabels_ThrowsArgumentException()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.ListOpenIssuesWithAnyLabelAsync(github.Repository, []);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*at least one label*");
        github.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ListOpenIssuesWithAnyLabelAsync_LabelWithComma_ThrowsArgumentException()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.ListOpenIssuesWithAnyLabelAsync(github.Repository, ["P0,P1"]);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*comma*");
    }
}
