using System.Text.Json.Nodes;
using FluentAssertions;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Http;
using RunbookRunner.GitHub.Tests.TestSupport;
using RunbookRunner.TestKit.Fakes.GitHub;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

/// <summary>Rate limits on a manual clock: each test checks the exact wait, then advances past it.</summary>
public sealed class GitHubRateLimitTests
{
    [Fact]
    public async Task Get_PrimaryLimitExhausted_WaitsUntilResetThenSucceeds()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        github.Server.State.ExhaustRateLimit(github.Server.Token, TimeSpan.FromSeconds(30));

        var call = github.Client.GetCommitAsync(github.Repository, "main");
        var delay = await time.NextDelayAsync();
        call.IsCompleted.Should().BeFalse();
        time.Advance(delay);
        var commit = await call;

        delay.Should().Be(TimeSpan.FromSeconds(31), "the reset is 30 s away and the client adds a 1 s margin");
        commit.Sha.Should().Be(github.Repo.BranchHead("main"));
        github.Requests.Select(r => r.StatusCode).Should().Equal(403, 200);
    }

    [Fact]
    public async Task Get_PrimaryResetBeyondMaxWait_ThrowsRateLimitedWithoutWaiting()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(o => o.MaxRateLimitWait = TimeSpan.FromMinutes(15), time);
        github.Server.State.ExhaustRateLimit(github.Server.Token, TimeSpan.FromMinutes(40));

        var act = () => github.Client.GetCommitAsync(github.Repository, "main");

        var error = (await act.Should().ThrowAsync<GitHubRateLimitedException>()).Which;
        error.Kind.Should().Be(GitHubRateLimitKind.Primary);
        error.ResetsAt.Should().Be(time.GetUtcNow() + TimeSpan.FromMinutes(40));
        error.RetryAfter.Should().Be(TimeSpan.FromMinutes(40) + TimeSpan.FromSeconds(1));
        error.RateLimit!.Remaining.Should().Be(0);
        error.IsRetryable.Should().BeTrue();
        error.Message.Should().Contain("MaxRateLimitWait");
        time.RequestedDelays.Should().BeEmpty();
        github.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_SecondaryLimitWithRetryAfter_WaitsRetryAfter()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        github.Server.AddFault(FakeFault.SecondaryRateLimit(retryAfterSeconds: 7));

        var call = github.Client.GetCommitAsync(github.Repository, "main");
        var delay = await time.NextDelayAsync();
        time.Advance(delay);
        await call;

        delay.Should().Be(TimeSpan.FromSeconds(7));
        github.Requests.Select(r => r.StatusCode).Should().Equal(403, 200);
    }

    [Fact]
    public async Task Get_SecondaryLimitWithoutRetryAfter_WaitsAMinuteThenBacksOffExponentially()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        github.Server.AddFault(FakeFault.SecondaryRateLimit(times: 2));

        var call = github.Client.GetCommitAsync(github.Repository, "main");
        var first = await time.NextDelayAsync();
        time.Advance(first);
        var second = await time.NextDelayAsync();
        time.Advance(second);
        await call;

        first.Should().Be(TimeSpan.FromSeconds(60));
        second.Should().Be(TimeSpan.FromSeconds(120));
        github.Requests.Select(r => r.StatusCode).Should().Equal(403, 403, 200);
    }

    [Fact]
    public async Task Get_SecondaryLimitWithBudgetExhaustedAndNoRetryAfter_WaitsUntilReset()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        var reset = time.GetUtcNow() + TimeSpan.FromSeconds(20);
        github.Server.AddFault(new FakeFault
        {
            StatusCode = 403,
            Body = new JsonObject { ["message"] = FakeFault.SecondaryRateLimitMessage },
            Headers = new Dictionary<string, string>
            {
                ["x-ratelimit-remaining"] = "0",
                ["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        var call = github.Client.GetCommitAsync(github.Repository, "main");
        var delay = await time.NextDelayAsync();
        time.Advance(delay);
        await call;

        delay.Should().Be(TimeSpan.FromSeconds(21));
        github.Requests.Select(r => r.StatusCode).Should().Equal(403, 200);
    }

    [Fact]
    public async Task Post_TooManyRequests_WaitsRetryAfterAndSendsOnce()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        github.Server.AddFault(FakeFault.TooManyRequests(retryAfterSeconds: 3));

        var call = github.Client.CreateReleaseAsync(github.Repository, new Releases.NewRelease { TagName = "v1" });
        var delay = await time.NextDelayAsync();
        time.Advance(delay);
        await call;

        delay.Should().Be(TimeSpan.FromSeconds(3));
        github.Requests.Select(r => r.StatusCode).Should().Equal(429, 201);
        github.Repo.Releases.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_SecondaryLimitKeepsHitting_GivesUpAfterMaxRateLimitRetries()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(o => o.MaxRateLimitRetries = 2, time);
        github.Server.AddFault(FakeFault.SecondaryRateLimit(retryAfterSeconds: 1, times: 10));

        var call = github.Client.GetCommitAsync(github.Repository, "main");
        time.Advance(await time.NextDelayAsync());
        time.Advance(await time.NextDelayAsync());

        var error = (await call.Invoking(c => c).Should().ThrowAsync<GitHubRateLimitedException>()).Which;
        error.Kind.Should().Be(GitHubRateLimitKind.Secondary);
        error.GitHubMessage.Should().Contain("secondary rate limit");
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        github.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Get_WaitingForRateLimit_CancellationStopsTheWait()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        github.Server.AddFault(FakeFault.SecondaryRateLimit(retryAfterSeconds: 30));
        using var cancellation = new CancellationTokenSource();

        var call = github.Client.GetCommitAsync(github.Repository, "main", cancellation.Token);
        await time.NextDelayAsync();
        await cancellation.CancelAsync();

        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
        github.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_ForbiddenWithoutRateLimit_ThrowsForbiddenWithPermissions()
    {
        var time = new RecordingTimeProvider();
        await using var github = await GitHubTestContext.StartAsync(time: time);
        github.Server.AddFault(new FakeFault
        {
            StatusCode = 403,
            Body = new JsonObject { ["message"] = "Resource not accessible by integration" },
            Headers = new Dictionary<string, string> { ["x-accepted-github-permissions"] = "deployments=write" },
        });

        var act = () => github.Client.GetCommitAsync(github.Repository, "main");

        var error = (await act.Should().ThrowAsync<GitHubForbiddenException>()).Which;
        error.GitHubMessage.Should().Be("Resource not accessible by integration");
        error.Message.Should().Contain("deployments=write");
        error.IsRetryable.Should().BeFalse();
        time.RequestedDelays.Should().BeEmpty();
    }
}
