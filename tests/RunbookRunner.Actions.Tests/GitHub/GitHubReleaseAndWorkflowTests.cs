using FluentAssertions;
using RunbookRunner.Actions.GitHub;
using RunbookRunner.Actions.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Actions.Tests.GitHub;

public sealed class GitHubReleaseAndWorkflowTests : IAsyncLifetime
{
    private GitHubHarness _gh = null!;

    public async Task InitializeAsync() => _gh = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    [Fact]
    public async Task Release_NewTag_CreatesItAndRunningAgainIsANoOp()
    {
        var parameters = P.Map(("repo", "acme/platform"), ("tag", "v2.0.0"), ("target", "main"), ("name", "2.0"), ("body", "Launch day"));

        var first = await new GitHubReleaseAction(_gh.Client).ExecuteAsync(Contexts.For(parameters));
        var second = await new GitHubReleaseAction(_gh.Client).ExecuteAsync(Contexts.For(parameters));

        first.Succeeded.Should().BeTrue(first.Error);
        second.Succeeded.Should().BeTrue(second.Error);
        second.Summary.Should().Be("release v2.0.0 already exists in acme/platform");
        second.Outputs["release_id"].Should().Be(first.Outputs["release_id"]);
        var release = _gh.Repo.Releases.Single();
        release.TagName.Should().Be("v2.0.0");
        release.Body.Should().Be("Launch day");
        first.Outputs["html_url"].Should().EndWith("/acme/platform/releases/tag/v2.0.0");
    }

    [Fact]
    public async Task Workflow_DispatchAndWait_SucceedsWhenTheRunSucceeds()
    {
        _gh.Repo.AddWorkflow("deploy.yml", inputs: ["version", "dry_run"]);
        var log = new RecordingLog();
        var run = new GitHubWorkflowAction(_gh.Client, _gh.Options, TimeProvider.System).ExecuteAsync(Contexts.For(P.Map(
            ("repo", "acme/platform"), ("workflow", "deploy.yml"), ("ref", "main"),
            ("inputs", P.Map(("version", "2.0.0"), ("dry_run", false))), ("wait", true)), log));

        await log.WaitForAsync(l => l.StartsWith("dispatched deploy.yml", StringComparison.Ordinal));
        var workflowRun = _gh.Repo.WorkflowRuns.Single();
        workflowRun.Inputs.Should().Equal(new Dictionary<string, string> { ["version"] = "2.0.0", ["dry_run"] = "false" });
        _gh.Repo.SetWorkflowRunStatus(workflowRun.Id, "completed", "success");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["run_id"].Should().Be(workflowRun.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        result.Outputs["conclusion"].Should().Be("success");
    }

    [Fact]
    public async Task Workflow_RunFails_FailsWithItsConclusion()
    {
        _gh.Repo.AddWorkflow("deploy.yml");
        var log = new RecordingLog();
        var run = new GitHubWorkflowAction(_gh.Client, _gh.Options, TimeProvider.System).ExecuteAsync(Contexts.For(P.Map(
            ("repo", "acme/platform"), ("workflow", "deploy.yml"), ("ref", "main"), ("wait", true)), log));

        await log.WaitForAsync(l => l.StartsWith("dispatched deploy.yml", StringComparison.Ordinal));
        _gh.Repo.SetWorkflowRunStatus(_gh.Repo.WorkflowRuns.Single().Id, "completed", "timed_out");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Succeeded.Should().BeFalse();
        result.Error.Should().EndWith("concluded timed_out");
        result.Outputs["conclusion"].Should().Be("timed_out");
    }
}
