using System.Text.Json.Nodes;
using FluentAssertions;
using RunbookRunner.GitHub.Deployments;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Tests.TestSupport;
using RunbookRunner.TestKit.Fakes.GitHub;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRestClientDeploymentsTests
{
    [Fact]
    public async Task CreateDeploymentAsync_GreenRef_CreatesDeploymentWithoutAutoMerge()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "success");

        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment
        {
            Ref = "main",
            Environment = "production",
            Description = "Launch day",
            Payload = new JsonObject { ["run"] = "run-42" },
        });

        deployment.Id.Should().BePositive();
        deployment.Sha.Should().Be(github.Repo.BranchHead("main"));
        deployment.Ref.Should().Be("main");
        deployment.Environment.Should().Be("production");
        deployment.Description.Should().Be("Launch day");
        deployment.Payload!.Value.GetProperty("run").GetString().Should().Be("run-42");
        deployment.StatusesUrl.Should().EndWith($"/deployments/{deployment.Id}/statuses");
        var body = github.Requests.Single().Json!.AsObject();
        body["auto_merge"]!.GetValue<bool>().Should().BeFalse();
        body.ContainsKey("required_contexts").Should().BeFalse("omitting it means every context must pass");
        github.Repo.Deployments.Should().ContainSingle(d => d.Id == deployment.Id);
    }

    [Fact]
    public async Task CreateDeploymentAsync_RequiredContextsEmpty_SendsEmptyListAndSkipsChecks()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "failure");

        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main", RequiredContexts = [] });

        deployment.Environment.Should().Be("production");
        github.Requests.Single().Json!["required_contexts"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task CreateDeploymentAsync_FailedStatusChecks_ThrowsConflictWithContexts()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddStatus("main", "ci/build", "failure");
        github.Repo.AddStatus("main", "ci/lint", "success");

        var act = () => github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });

        var error = (await act.Should().ThrowAsync<GitHubConflictException>()).Which;
        error.GitHubMessage.Should().Be("Conflict: Commit status checks failed for main.");
        error.Errors.Should().ContainSingle().Which.Field.Should().Be("required_contexts");
        error.Errors[0].Raw.Should().Contain("ci/build");
        error.Message.Should().Contain("contexts ci/build=failure");
        error.IsRetryable.Should().BeFalse();
        github.Repo.Deployments.Should().BeEmpty();
    }

    [Fact]
    public async Task CreateDeploymentAsync_UnknownRef_ThrowsValidation()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "no-such-branch" });

        var error = (await act.Should().ThrowAsync<GitHubValidationException>()).Which;
        error.GitHubMessage.Should().Be("No ref found for: no-such-branch");
        error.StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task CreateDeploymentAsync_AutoMergedOnce_SendsAgainAndReturnsDeployment()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Server.AddFault(FakeFault.AutoMerged());

        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });

        deployment.Id.Should().BePositive();
        github.Requests.Select(r => r.StatusCode).Should().Equal(202, 201);
        github.Repo.Deployments.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateDeploymentAsync_AlwaysAutoMerged_ThrowsAfterBoundedRetries()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.MaxRetries = 2);
        github.Server.AddFault(FakeFault.AutoMerged(times: 10));

        var act = () => github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });

        var error = (await act.Should().ThrowAsync<GitHubAutoMergedException>()).Which;
        error.GitHubMessage.Should().StartWith("Auto-merged");
        error.IsRetryable.Should().BeTrue();
        github.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task CreateDeploymentStatusAsync_AllFields_SendsThemAndReturnsStatus()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });

        var status = await github.Client.CreateDeploymentStatusAsync(github.Repository, deployment.Id, new NewDeploymentStatus
        {
            State = GitHubDeploymentState.InProgress,
            LogUrl = "https://runbooks.example.com/runs/42",
            EnvironmentUrl = "https://www.example.com",
            Description = "Deploying",
            AutoInactive = false,
        });

        status.State.Should().Be(GitHubDeploymentState.InProgress);
        status.LogUrl.Should().Be("https://runbooks.example.com/runs/42");
        status.EnvironmentUrl.Should().Be("https://www.example.com");
        status.IsFinal.Should().BeFalse();
        var body = github.Requests[^1].Json!.AsObject();
        body["state"]!.GetValue<string>().Should().Be("in_progress");
        body["auto_inactive"]!.GetValue<bool>().Should().BeFalse();
        body["description"]!.GetValue<string>().Should().Be("Deploying");
    }

    [Fact]
    public async Task CreateDeploymentStatusAsync_LongDescription_TruncatesTo140Characters()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });
        var description = new string('x', 139) + "😀 and much more text after the limit";

        var status = await github.Client.CreateDeploymentStatusAsync(github.Repository, deployment.Id,
            new NewDeploymentStatus { State = GitHubDeploymentState.Failure, Description = description });

        status.Description.Should().HaveLength(140).And.EndWith("…").And.StartWith(new string('x', 139));
    }

    [Fact]
    public async Task GetLatestDeploymentStatusAsync_ExternalDeployerReports_ReturnsNewest()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });
        var before = await github.Client.GetLatestDeploymentStatusAsync(github.Repository, deployment.Id);
        github.Repo.AddDeploymentStatus(deployment.Id, "queued");
        github.Repo.AddDeploymentStatus(deployment.Id, "in_progress");
        github.Repo.AddDeploymentStatus(deployment.Id, "success", "Deployed by Argo");

        var latest = await github.Client.GetLatestDeploymentStatusAsync(github.Repository, deployment.Id);
        var all = await github.Client.ListDeploymentStatusesAsync(github.Repository, deployment.Id);

        before.Should().BeNull();
        latest!.State.Should().Be(GitHubDeploymentState.Success);
        latest.Description.Should().Be("Deployed by Argo");
        latest.IsFinal.Should().BeTrue();
        all.Select(s => s.State).Should().Equal(GitHubDeploymentState.Success, GitHubDeploymentState.InProgress, GitHubDeploymentState.Queued);
        github.Requests[^1].Query.Should().Be("?per_page=100");
    }

    [Fact]
    public async Task CreateDeploymentStatusAsync_SuccessWithDefaultAutoInactive_MarksPreviousDeploymentInactive()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var first = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });
        await github.Client.CreateDeploymentStatusAsync(github.Repository, first.Id, new NewDeploymentStatus { State = GitHubDeploymentState.Success });
        var second = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });

        await github.Client.CreateDeploymentStatusAsync(github.Repository, second.Id, new NewDeploymentStatus { State = GitHubDeploymentState.Success });

        var firstLatest = await github.Client.GetLatestDeploymentStatusAsync(github.Repository, first.Id);
        firstLatest!.State.Should().Be(GitHubDeploymentState.Inactive);
    }

    [Fact]
    public async Task CreateDeploymentStatusAsync_UnknownDeployment_ThrowsNotFound()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.CreateDeploymentStatusAsync(github.Repository, 424242, new NewDeploymentStatus { State = GitHubDeploymentState.Success });

        await act.Should().ThrowAsync<GitHubNotFoundException>();
    }
}
