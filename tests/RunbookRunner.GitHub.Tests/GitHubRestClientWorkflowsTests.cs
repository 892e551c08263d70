using FluentAssertions;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Tests.TestSupport;
using RunbookRunner.GitHub.Workflows;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRestClientWorkflowsTests
{
    [Fact]
    public async Task DispatchWorkflowAsync_FileName_StartsRunAndReturnsItsId()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddWorkflow("deploy.yml", "Deploy", inputs: ["environment", "version"]);

        var result = await github.Client.DispatchWorkflowAsync(github.Repository, new GitHubWorkflowDispatch
        {
            Workflow = "deploy.yml",
            Ref = "main",
            Inputs = new Dictionary<string, string> { ["environment"] = "production", ["version"] = "1.0.0" },
        });

        var run = github.Repo.WorkflowRuns.Should().ContainSingle().Subject;
        result.WorkflowRunId.Should().Be(run.Id);
        result.HtmlUrl.Should().EndWith($"/acme/platform/actions/runs/{run.Id}");
        run.Inputs.Should().Contain("environment", "production");
        var request = github.Requests.Single();
        request.RelativePath.Should().Be("/repos/acme/platform/actions/workflows/deploy.yml/dispatches");
        request.Json!["return_run_details"]!.GetValue<bool>().Should().BeTrue();
        request.Json!["ref"]!.GetValue<string>().Should().Be("main");
    }

    [Fact]
    public async Task GetWorkflowRunAsync_RunAdvancedByGitHub_ReportsStatusAndConclusion()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var workflow = github.Repo.AddWorkflow("smoke.yml");
        var result = await github.Client.DispatchWorkflowAsync(github.Repository,
            new GitHubWorkflowDispatch { Workflow = workflow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ref = "main" });
        var runId = result.WorkflowRunId!.Value;

        var queued = await github.Client.GetWorkflowRunAsync(github.Repository, runId);
        github.Repo.SetWorkflowRunStatus(runId, "in_progress");
        var running = await github.Client.GetWorkflowRunAsync(github.Repository, runId);
        github.Repo.SetWorkflowRunStatus(runId, "completed", "failure");
        var done = await github.Client.GetWorkflowRunAsync(github.Repository, runId);

        queued.Status.Should().Be("queued");
        queued.Conclusion.Should().BeNull();
        queued.Event.Should().Be("workflow_dispatch");
        queued.HeadSha.Should().Be(github.Repo.BranchHead("main"));
        running.Status.Should().Be("in_progress");
        running.IsCompleted.Should().BeFalse();
        done.IsCompleted.Should().BeTrue();
        done.IsSuccessful.Should().BeFalse();
        done.Conclusion.Should().Be("failure");
        done.HtmlUrl.Should().Be(result.HtmlUrl);
    }

    [Fact]
    public async Task DispatchWorkflowAsync_MoreThan25Inputs_ThrowsBeforeSending()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var inputs = Enumerable.Range(0, 26).ToDictionary(i => $"input{i}", i => "x");

        var act = () => github.Client.DispatchWorkflowAsync(github.Repository,
            new GitHubWorkflowDispatch { Workflow = "deploy.yml", Ref = "main", Inputs = inputs });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*26 inputs*25*");
        github.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task DispatchWorkflowAsync_UnknownWorkflow_ThrowsNotFound()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.DispatchWorkflowAsync(github.Repository, new GitHubWorkflowDispatch { Workflow = "missing.yml", Ref = "main" });

        await act.Should().ThrowAsync<GitHubNotFoundException>();
    }

    [Fact]
    public async Task DispatchWorkflowAsync_UndeclaredInput_ThrowsValidationWithGitHubMessage()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddWorkflow("deploy.yml", inputs: ["environment"]);

        var act = () => github.Client.DispatchWorkflowAsync(github.Repository, new GitHubWorkflowDispatch
        {
            Workflow = "deploy.yml",
            Ref = "main",
            Inputs = new Dictionary<string, string> { ["colour"] = "blue" },
        });

        var error = (await act.Should().ThrowAsync<GitHubValidationException>()).Which;
        error.GitHubMessage.Should().Contain("Unexpected inputs provided").And.Contain("colour");
    }
}
