using FluentAssertions;
using RunbookRunner.GitHub.Commits;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRestClientCommitsTests
{
    [Fact]
    public async Task GetBranchHeadAsync_BranchWithSlash_ReturnsHeadCommit()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var sha = github.Repo.AddCommit("Prepare 1.0", branch: "release/1.0");

        var head = await github.Client.GetBranchHeadAsync(github.Repository, "release/1.0");

        head.Should().Be(new GitHubRef("refs/heads/release/1.0", sha, "commit"));
        github.Requests.Single().RelativePath.Should().Be("/repos/acme/platform/git/ref/heads/release/1.0");
    }

    [Fact]
    public async Task GetBranchHeadAsync_UnknownBranch_ThrowsNotFound()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.GetBranchHeadAsync(github.Repository, "nope");

        await act.Should().ThrowAsync<GitHubNotFoundException>();
    }

    [Fact]
    public async Task GetCommitAsync_Branch_ReturnsMessageAndAuthor()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var sha = github.Repo.AddCommit("Add launch banner\n\nDetails.");

        var commit = await github.Client.GetCommitAsync(github.Repository, "main");

        commit.Sha.Should().Be(sha);
        commit.Message.Should().Be("Add launch banner\n\nDetails.");
        commit.AuthorName.Should().Be("Mona Lisa");
        commit.AuthorLogin.Should().Be("mona");
        commit.HtmlUrl.Should().EndWith($"/acme/platform/commit/{sha}");
    }

    [Fact]
    public async Task GetCommitAsync_RefWithSlash_EscapesItAsOneSegment()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var sha = github.Repo.AddCommit("Hotfix", branch: "hotfix/login");

        var commit = await github.Client.GetCommitAsync(github.Repository, "hotfix/login");

        commit.Sha.Should().Be(sha);
        github.Requests.Single().RelativePath.Should().Be("/repos/acme/platform/commits/hotfix%2Flogin");
    }

    [Fact]
    public async Task GetCommitAsync_UnknownRef_ThrowsValidationWithGitHubMessage()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.GetCommitAsync(github.Repository, "does-not-exist");

        var error = (await act.Should().ThrowAsync<GitHubValidationException>()).Which;
        error.GitHubMessage.Should().Be("No commit found for SHA: does-not-exist");
    }

    [Fact]
    public async Task GetCombinedStatusAsync_SeveralContexts_ReturnsLatestPerContext()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "pending");
        github.Repo.AddStatus("main", "ci/build", "success", "Build passed");
        github.Repo.AddStatus("main", "ci/lint", "success");

        var combined = await github.Client.GetCombinedStatusAsync(github.Repository, "main");

        combined.State.Should().Be(GitHubCommitState.Success);
        combined.Sha.Should().Be(github.Repo.BranchHead("main"));
        combined.TotalCount.Should().Be(2);
        combined.Statuses.Should().HaveCount(2);
        combined.Statuses.Should().ContainSingle(s => s.Context == "ci/build").Which.Description.Should().Be("Build passed");
        github.Requests.Single().Query.Should().Be("?per_page=100");
    }

    [Fact]
    public async Task GetCombinedStatusAsync_MoreThanOnePage_ReadsAllPages()
    {
        await using var github = await GitHubTestContext.StartAsync();
        for (var i = 0; i < 130; i++)
        {
            github.Repo.AddStatus("main", $"check-{i:D3}", "success");
        }

        var combined = await github.Client.GetCombinedStatusAsync(github.Repository, "main");

        combined.Statuses.Select(s => s.Context).Should().OnlyHaveUniqueItems().And.HaveCount(130);
        combined.TotalCount.Should().Be(130);
        github.Requests.Should().HaveCount(2);
        github.Requests[1].Query.Should().Contain("page=2");
    }

    [Fact]
    public async Task ListCheckRunsAsync_MoreThanOnePage_FollowsLinkHeader()
    {
        await using var github = await GitHubTestContext.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            github.Repo.AddCheckRun("main", $"job-{i:D3}");
        }

        var runs = await github.Client.ListCheckRunsAsync(github.Repository, "main");

        runs.Should().HaveCount(250);
        runs.Select(r => r.Name).Should().OnlyHaveUniqueItems();
        runs.Should().OnlyContain(r => r.IsPassing && r.HtmlUrl != null);
        github.Requests.Select(r => r.Query).Should().Equal(
            "?per_page=100",
            "?per_page=100&page=2",
            "?per_page=100&page=3");
    }

    [Fact]
    public async Task GetRefHealthAsync_AllStatusesAndChecksPass_IsGreen()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "success");
        github.Repo.AddCheckRun("main", "test");
        github.Repo.AddCheckRun("main", "docs", conclusion: "skipped");
        github.Repo.AddCheckRun("main", "perf", conclusion: "neutral");

        var health = await github.Client.GetRefHealthAsync(github.Repository, "main");

        health.IsGreen.Should().BeTrue();
        health.Sha.Should().Be(github.Repo.BranchHead("main"));
        health.CheckRuns.Should().HaveCount(3);
        health.Summary.Should().Contain("is green");
    }

    [Fact]
    public async Task GetRefHealthAsync_NoStatusesNoChecks_IsGreenDespitePendingCombinedState()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var health = await github.Client.GetRefHealthAsync(github.Repository, "main");

        health.CombinedState.Should().Be(GitHubCommitState.Pending);
        health.IsGreen.Should().BeTrue();
    }

    [Fact]
    public async Task GetRefHealthAsync_FailingStatusAndCheck_IsNotGreenWithEvidence()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "failure", "3 tests failed");
        github.Repo.AddStatus("main", "security/scan", "pending");
        github.Repo.AddCheckRun("main", "lint", conclusion: "failure");
        github.Repo.AddCheckRun("main", "e2e", status: "in_progress");
        github.Repo.AddCheckRun("main", "unit");

        var health = await github.Client.GetRefHealthAsync(github.Repository, "main");

        health.IsGreen.Should().BeFalse();
        health.CombinedState.Should().Be(GitHubCommitState.Failure);
        health.FailingStatuses.Select(s => s.Context).Should().Equal("ci/build");
        health.PendingStatuses.Select(s => s.Context).Should().Equal("security/scan");
        health.FailingCheckRuns.Select(c => c.Name).Should().Equal("lint");
        health.PendingCheckRuns.Select(c => c.Name).Should().Equal("e2e");
        health.Summary.Should().Contain("ci/build (failure)").And.Contain("check lint (failure)").And.Contain("check e2e (in_progress)");
    }

    [Fact]
    public async Task GetRefHealthAsync_OnlyACheckStillQueued_IsNotGreen()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "success");
        github.Repo.AddCheckRun("main", "deploy-preview", status: "queued");

        var health = await github.Client.GetRefHealthAsync(github.Repository, "main");

        health.IsGreen.Should().BeFalse();
        health.PendingCheckRuns.Should().ContainSingle().Which.Status.Should().Be("queued");
    }

    [Fact]
    public async Task GetRefHealthAsync_Branch_ReadsCheckRunsOfTheSameSha()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var sha = github.Repo.BranchHead("main");

        await github.Client.GetRefHealthAsync(github.Repository, "main");

        github.Requests.Select(r => r.RelativePath).Should().Equal(
            "/repos/acme/platform/commits/main/status",
            $"/repos/acme/platform/commits/{sha}/check-runs");
    }
}
