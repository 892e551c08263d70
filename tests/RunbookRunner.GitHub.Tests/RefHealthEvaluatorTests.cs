using FluentAssertions;
using RunbookRunner.GitHub.Commits;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class RefHealthEvaluatorTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Theory]
    [InlineData("failure")]
    [InlineData("cancelled")]
    [InlineData("timed_out")]
    [InlineData("action_required")]
    [InlineData("stale")]
    [InlineData(null)]
    public void Evaluate_CompletedCheckWithBlockingConclusion_IsNotGreen(string? conclusion)
    {
        var health = RefHealthEvaluator.Evaluate("main", Combined(GitHubCommitState.Success, Status("ci", GitHubCommitState.Success)),
            [new GitHubCheckRun { Name = "build", Status = "completed", Conclusion = conclusion }]);

        health.IsGreen.Should().BeFalse();
        health.FailingCheckRuns.Should().ContainSingle();
    }

    [Theory]
    [InlineData("waiting")]
    [InlineData("requested")]
    [InlineData("pending")]
    public void Evaluate_CheckNotCompleted_IsPending(string status)
    {
        var health = RefHealthEvaluator.Evaluate("main", Combined(GitHubCommitState.Pending), [new GitHubCheckRun { Name = "deploy", Status = status }]);

        health.IsGreen.Should().BeFalse();
        health.PendingCheckRuns.Should().ContainSingle();
        health.Summary.Should().Contain($"check deploy ({status})");
    }

    [Fact]
    public void Evaluate_ErrorStatus_CountsAsFailing()
    {
        var health = RefHealthEvaluator.Evaluate("v1.0", Combined(GitHubCommitState.Failure, Status("ci", GitHubCommitState.Error)), []);

        health.IsGreen.Should().BeFalse();
        health.FailingStatuses.Should().ContainSingle().Which.Context.Should().Be("ci");
        health.Summary.Should().StartWith("v1.0 (0123456) is not green: failing ci (error)");
    }

    [Fact]
    public void Evaluate_PendingStatusOnly_IsNotGreen()
    {
        var health = RefHealthEvaluator.Evaluate("main", Combined(GitHubCommitState.Pending, Status("ci", GitHubCommitState.Pending)), []);

        health.IsGreen.Should().BeFalse();
        health.PendingStatuses.Should().ContainSingle();
    }

    private static GitHubCommitStatus Status(string context, GitHubCommitState state) => new() { Context = context, State = state };

    private static GitHubCombinedStatus Combined(GitHubCommitState state, params GitHubCommitStatus[] statuses) =>
        new() { State = state, Sha = Sha, TotalCount = statuses.Length, Statuses = statuses };
}
