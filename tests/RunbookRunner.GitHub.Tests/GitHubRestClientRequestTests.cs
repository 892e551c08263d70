using System.Text.RegularExpressions;
using FluentAssertions;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRestClientRequestTests
{
    [Fact]
    public async Task AnyRequest_DefaultOptions_SendsGitHubHeaders()
    {
        await using var github = await GitHubTestContext.StartAsync();

        await github.Client.GetCommitAsync(github.Repository, "main");

        var request = github.Requests.Should().ContainSingle().Subject;
        request.Header("Accept").Should().Be("application/vnd.github+json");
        request.Header("X-GitHub-Api-Version").Should().Be("2022-11-28");
        request.Header("Authorization").Should().Be($"Bearer {github.Server.Token}");
        request.Header("User-Agent").Should().MatchRegex(@"^RunbookRunner/\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task AnyRequest_CustomUserAgent_SendsIt()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.UserAgent = "Acme-Launches/2.1");

        await github.Client.GetCommitAsync(github.Repository, "main");

        github.Requests.Single().Header("User-Agent").Should().Be("Acme-Launches/2.1");
    }

    [Fact]
    public async Task AnyRequest_WrongToken_ThrowsUnauthorizedWithoutRetry()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.Token = "ghp_wrong");

        var act = () => github.Client.GetCommitAsync(github.Repository, "main");

        var error = (await act.Should().ThrowAsync<GitHubUnauthorizedException>()).Which;
        error.GitHubMessage.Should().Be("Bad credentials");
        error.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        error.IsRetryable.Should().BeFalse();
        error.Message.Should().Contain("GitHub:Token");
        github.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task WithToken_OtherToken_SendsThatTokenOnly()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Server.State.AddToken("ghp_stepToken");

        await github.Client.WithToken("ghp_stepToken").GetCommitAsync(github.Repository, "main");
        await github.Client.GetCommitAsync(github.Repository, "main");

        github.Requests.Select(r => r.Header("Authorization"))
            .Should().Equal("Bearer ghp_stepToken", $"Bearer {github.Server.Token}");
    }

    [Fact]
    public async Task AnyRequest_EnterpriseBaseUrlWithoutTrailingSlash_KeepsPathPrefix()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.ApiBaseUrl = o.ApiBaseUrl.TrimEnd('/'), pathPrefix: "/api/v3");

        var commit = await github.Client.GetCommitAsync(github.Repository, "main");

        commit.Sha.Should().Be(github.Repo.BranchHead("main"));
        github.Requests.Single().Path.Should().Be("/api/v3/repos/acme/platform/commits/main");
    }

    [Fact]
    public async Task AnyRequest_EnterpriseServerButBaseUrlWithoutPrefix_ThrowsNotFound()
    {
        await using var github = await GitHubTestContext.StartAsync(o => o.ApiBaseUrl = o.ApiBaseUrl.Replace("/api/v3/", "/", StringComparison.Ordinal), pathPrefix: "/api/v3");

        var act = () => github.Client.GetCommitAsync(github.Repository, "main");

        await act.Should().ThrowAsync<GitHubNotFoundException>();
        github.Requests.Single().Path.Should().Be("/repos/acme/platform/commits/main");
    }

    [Fact]
    public async Task Get_RenamedRepository_FollowsPermanentRedirectWithToken()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Server.State.AddRename("acme/old-platform", github.Repo);

        var commit = await github.Client.GetCommitAsync(new GitHubRepository("acme", "old-platform"), "main");

        commit.Sha.Should().Be(github.Repo.BranchHead("main"));
        github.Requests.Select(r => (r.RelativePath, r.StatusCode)).Should().Equal(
            ("/repos/acme/old-platform/commits/main", 301),
            ("/repos/acme/platform/commits/main", 200));
        github.Requests[1].Header("Authorization").Should().Be($"Bearer {github.Server.Token}");
    }

    [Fact]
    public async Task Post_RenamedRepository_RepeatsPostWithBodyAfterTemporaryRedirect()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Server.State.AddRename("acme/old-platform", github.Repo);

        var deployment = await github.Client.CreateDeploymentAsync(
            new GitHubRepository("acme", "old-platform"),
            new Deployments.NewDeployment { Ref = "main", Environment = "staging" });

        deployment.Environment.Should().Be("staging");
        github.Requests.Select(r => (r.Method, r.RelativePath, r.StatusCode)).Should().Equal(
            ("POST", "/repos/acme/old-platform/deployments", 307),
            ("POST", "/repos/acme/platform/deployments", 201));
        github.Requests[1].Json!["environment"]!.GetValue<string>().Should().Be("staging");
        github.Repo.Deployments.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_UnknownRepository_ThrowsNotFoundWithHint()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.GetBranchHeadAsync(new GitHubRepository("acme", "missing"), "main");

        var error = (await act.Should().ThrowAsync<GitHubNotFoundException>()).Which;
        error.DocumentationUrl.Should().StartWith("https://docs.github.com/");
        error.Message.Should().Contain("GET /repos/acme/missing/git/ref/heads/main").And.Contain("404");
        Regex.IsMatch(error.Message, "private repository").Should().BeTrue();
    }
}
