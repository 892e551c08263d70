using System.Text.Json.Nodes;
using FluentAssertions;
using RunbookRunner.Actions.GitHub;
using RunbookRunner.Actions.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Actions.Tests.GitHub;

public sealed class GitHubGateActionTests : IAsyncLifetime
{
    private GitHubHarness _gh = null!;

    public async Task InitializeAsync() => _gh = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    [Fact]
    public async Task CommitStatus_GreenRef_Succeeds()
    {
        _gh.Repo.AddStatus("main", "ci/build", "success");
        _gh.Repo.AddCheckRun("main", "tests");

        var result = await new GitHubCommitStatusAction(_gh.Client).ExecuteAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main"))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["state"].Should().Be("success");
        result.Outputs["sha"].Should().Be(_gh.Repo.BranchHead("main"));
        result.Summary.Should().StartWith("acme/platform@main (").And.Contain("is green");
    }

    [Fact]
    public async Task CommitStatus_FailingCheckRun_FailsNamingIt()
    {
        _gh.Repo.AddStatus("main", "ci/build", "success");
        _gh.Repo.AddCheckRun("main", "e2e", conclusion: "failure");

        var log = new RecordingLog();
        var result = await new GitHubCommitStatusAction(_gh.Client).ExecuteAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main")), log));

        result.Succeeded.Should().BeFalse();
        result.Outputs["state"].Should().Be("failure");
        result.Error.Should().Contain("check e2e (failure)").And.EndWith("(expected success)");
        log.Lines.Should().Contain("check e2e: completed / failure");
    }

    [Fact]
    public async Task OpenIssues_AnyLabelCounts_PullRequestsDoNot_GateListsThem()
    {
        var p0 = _gh.Repo.AddIssue("Checkout fails for EU cards", "P0");
        var both = _gh.Repo.AddIssue("Search returns 500", "P1", "P0");
        _gh.Repo.AddIssue("Typo in footer", "P3");
        _gh.Repo.AddPullRequest("Fix checkout", "P0");

        var result = await new GitHubOpenIssuesAction(_gh.Client).ExecuteAsync(Contexts.For(P.Map(
            ("repo", "acme/platform"), ("labels", P.List("P0", "P1")))));

        result.Succeeded.Should().BeFalse();
        result.Outputs["count"].Should().Be("2");
        result.Summary.Should().Be($"2 open P0/P1 issue(s) in acme/platform (max 0): #{p0.Number} Checkout fails for EU cards; #{both.Number} Search returns 500");
        JsonNode.Parse(result.Outputs["issues"])!.AsArray().Select(i => i!["number"]!.GetValue<long>()).Should().Equal(p0.Number, both.Number);
    }

    [Fact]
    public async Task OpenIssues_WithinMax_Succeeds()
    {
        _gh.Repo.AddIssue("Minor glitch", "P1");

        var result = await new GitHubOpenIssuesAction(_gh.Client).ExecuteAsync(Contexts.For(P.Map(
            ("repo", "acme/platform"), ("labels", P.List("P0", "P1")), ("max", 1))));

        result.Succeeded.Should().BeTrue(result.Error);
    }

    [Fact]
    public async Task OpenIssues_StepTokenUnknownToGitHub_FailsWithoutRetry()
    {
        var result = await new GitHubOpenIssuesAction(_gh.Client).ExecuteAsync(Contexts.For(P.Map(
            ("repo", "acme/platform"), ("labels", P.List("P0")), ("token", "ghp_notAcceptedAnywhere000000000000000000"))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Contain("401");
    }

    [Fact]
    public async Task OpenIssues_BadRepo_NamesTheExpectedForm()
    {
        var result = await new GitHubOpenIssuesAction(_gh.Client).ExecuteAsync(Contexts.For(P.Map(("repo", "platform"), ("labels", P.List("P0")))));

        result.Error.Should().Be("parameter 'repo' is 'platform'; write owner/name, e.g. acme/platform");
    }
}
