using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.GitHub.Deployments;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Tests.TestSupport;
using RunbookRunner.TestKit.Fakes.GitHub;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRetryTests
{
    [Fact]
    public async Task Get_TwoServerErrors_RetriesAndSucceeds()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Server.AddFault(FakeFault.ServerError(502, times: 2));

        var commit = await github.Client.GetCommitAsync(github.Repository, "main");

        commit.Sha.Should().NotBeEmpty();
        github.Requests.Select(r => r.StatusCode).Should().Equal(502, 502, 200);
    }

    [Fact]
    public async Task Get_ServerErrorsBeyondMaxRetries_ThrowsRetryableServerError()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.MaxRetries = 3);
        github.Server.AddFault(FakeFault.ServerError(503, times: 10));

        var act = () => github.Client.GetCommitAsync(github.Repository, "main");

        var error = (await act.Should().ThrowAsync<GitHubServerErrorException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.IsRetryable.Should().BeTrue();
        github.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task Post_ServerError_IsNotRepeated()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Server.AddFault(FakeFault.ServerError(502, method: "POST"));

        var act = () => github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });

        await act.Should().ThrowAsync<GitHubServerErrorException>();
        github.Requests.Should().ContainSingle();
        github.Repo.Deployments.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_ConnectionRefused_RetriesThenThrowsTransportError()
    {
        var port = UnusedPort();
        var services = new ServiceCollection();
        services.AddRunbookGitHub(o =>
        {
            o.ApiBaseUrl = $"http://127.0.0.1:{port}/";
            o.Token = "ghp_any";
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IGitHubClient>();

        var act = () => client.GetCommitAsync(new GitHubRepository("acme", "platform"), "main");

        var error = (await act.Should().ThrowAsync<GitHubTransportException>()).Which;
        error.StatusCode.Should().BeNull();
        error.IsRetryable.Should().BeTrue();
        error.InnerException.Should().BeOfType<HttpRequestException>();
        error.Message.Should().Contain("ApiBaseUrl");
    }

    [Fact]
    public async Task Get_SlowerThanRequestTimeout_ThrowsTransportError()
    {
        await using var github = await GitHubTestContext.StartAsync(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 0;
        });
        github.Server.AddFault(FakeFault.Slow(TimeSpan.FromSeconds(3), times: 1));

        var act = () => github.Client.GetCommitAsync(github.Repository, "main");

        (await act.Should().ThrowAsync<GitHubTransportException>()).Which.InnerException.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task Writes_SentConcurrently_GoOneAtATimeAndMinIntervalApart()
    {
        var interval = TimeSpan.FromMilliseconds(150);
        await using var github = await GitHubTestContext.StartAsync(o => o.MinWriteInterval = interval);
        var deployment = await github.Client.CreateDeploymentAsync(github.Repository, new NewDeployment { Ref = "main" });
        github.Server.AddFault(FakeFault.Slow(TimeSpan.FromMilliseconds(40), method: "POST"));
        github.Server.ClearRequests();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => github.Client.CreateDeploymentStatusAsync(
            github.Repository, deployment.Id, new NewDeploymentStatus { State = GitHubDeploymentState.InProgress, Description = $"step {i}" })));

        github.Server.MaxConcurrentWrites.Should().Be(1);
        var writes = github.Requests.OrderBy(r => r.ReceivedAt).ToList();
        writes.Should().HaveCount(4);
        for (var i = 1; i < writes.Count; i++)
        {
            (writes[i].ReceivedAt - writes[i - 1].CompletedAt).Should().BeGreaterThanOrEqualTo(interval - TimeSpan.FromMilliseconds(10));
        }
    }

    [Fact]
    public async Task Reads_SentDuringAWrite_AreNotHeldBack()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.MinWriteInterval = TimeSpan.FromSeconds(30));
        await github.Client.CreateReleaseAsync(github.Repository, new Releases.NewRelease { TagName = "v1" });

        var read = await github.Client.GetCommitAsync(github.Repository, "main").WaitAsync(TimeSpan.FromSeconds(5));

        read.Sha.Should().NotBeEmpty();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
