using FluentAssertions;
using RunbookRunner.Actions.GitHub;
using RunbookRunner.Actions.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Actions.Tests.GitHub;

public sealed class GitHubDeploymentActionTests : IAsyncLifetime
{
    private const string RunUrl = "https://runbooks.example.com/runs/run-42";
    private GitHubHarness _gh = null!;

    public async Task InitializeAsync() => _gh = await GitHubHarness.StartAsync();

    public async Task DisposeAsync() => await _gh.DisposeAsync();

    private GitHubDeploymentAction Create() => new(_gh.Client, _gh.Options, TimeProvider.System);

    [Fact]
    public async Task ExecuteAsync_NoWait_RecordsDeploymentWithRunUrlAndRunbookPayload()
    {
        var result = await Create().ExecuteAsync(Contexts.For(
            P.Map(("repo", "acme/platform"), ("ref", "main"), ("environment", "staging"), ("payload", P.Map(("version", P.Q("2.0"))))),
            step: "deploy",
            runUrl: RunUrl));

        result.Succeeded.Should().BeTrue(result.Error);
        var deployment = _gh.Repo.Deployments.Single();
        result.Outputs["deployment_id"].Should().Be(deployment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        result.Outputs["state"].Should().Be("success");
        deployment.Environment.Should().Be("staging");
        deployment.Payload!["version"]!.GetValue<string>().Should().Be("2.0");
        deployment.Payload!["runbook"]!["idempotency_key"]!.GetValue<string>().Should().Be("run-42/deploy/1");
        deployment.Statuses.Select(s => s.State).Should().Equal("in_progress", "success");
        deployment.Statuses.Should().OnlyContain(s => s.LogUrl == RunUrl);
        var create = _gh.Server.Requests.Single(r => r.Method == "POST" && r.RelativePath == "/repos/acme/platform/deployments");
        create.Json!["auto_merge"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task ExecuteAsync_WaitAndDeployerSucceeds_Succeeds()
    {
        var log = new RecordingLog();
        var run = Create().ExecuteAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main"), ("wait", true)), log, runUrl: RunUrl));

        await log.WaitForAsync(l => l.StartsWith("waiting for the deployer", StringComparison.Ordinal));
        var deployment = _gh.Repo.Deployments.Single();
        _gh.Repo.AddDeploymentStatus(deployment.Id, "success", "rolled out 12/12 pods");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["state"].Should().Be("success");
        log.Lines.Should().Contain($"deployment {deployment.Id}: success - rolled out 12/12 pods");
    }

    [Fact]
    public async Task ExecuteAsync_WaitAndDeployerFails_FailsWithoutRetry()
    {
        var log = new RecordingLog();
        var run = Create().ExecuteAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main"), ("wait", true)), log));

        await log.WaitForAsync(l => l.StartsWith("waiting for the deployer", StringComparison.Ordinal));
        var deployment = _gh.Repo.Deployments.Single();
        _gh.Repo.AddDeploymentStatus(deployment.Id, "failure", "image pull backoff");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Outputs["state"].Should().Be("failure");
        result.Error.Should().EndWith("ended failure: image pull backoff");
    }

    [Fact]
    public async Task ExecuteAsync_WaitTimesOut_MarksTheDeploymentErrored()
    {
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource();
        var run = Create().ExecuteAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main"), ("wait", true)), log), timeout.Token);

        await log.WaitForAsync(l => l.StartsWith("waiting for the deployer", StringComparison.Ordinal));
        await timeout.CancelAsync();
        var act = () => run.WaitAsync(TimeSpan.FromSeconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
        _gh.Repo.Deployments.Single().Statuses.Select(s => s.State).Should().Equal("in_progress", "error");
    }

    [Fact]
    public async Task ExecuteAsync_RequiredContextFailing_FailsWithGitHubsConflict()
    {
        _gh.Repo.AddStatus("main", "ci/build", "failure");

        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main"))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Contain("409").And.Contain("Commit status checks failed");
        _gh.Repo.Deployments.Should().BeEmpty();
    }

    [Fact]
    public async Task SimulateAsync_CreatesNothing()
    {
        var result = await Create().SimulateAsync(Contexts.For(P.Map(("repo", "acme/platform"), ("ref", "main"), ("wait", true))));

        result.Succeeded.Should().BeTrue();
        _gh.Server.Requests.Should().BeEmpty();
    }
}
