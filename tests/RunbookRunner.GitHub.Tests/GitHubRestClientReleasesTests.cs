using FluentAssertions;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Releases;
using RunbookRunner.GitHub.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRestClientReleasesTests
{
    [Fact]
    public async Task CreateReleaseAsync_GeneratedNotes_CreatesReleaseAndTag()
    {
        await using var github = await GitHubTestContext.StartAsync();
        github.Repo.AddCommit("Add pricing page");
        var sha = github.Repo.AddCommit("Fix signup email");

        var release = await github.Client.CreateReleaseAsync(github.Repository, new NewRelease
        {
            TagName = "v1.0.0",
            TargetCommitish = "main",
            Name = "Launch",
            Body = "Our first public release.",
            GenerateReleaseNotes = true,
            MakeLatest = true,
        });

        release.TagName.Should().Be("v1.0.0");
        release.Name.Should().Be("Launch");
        release.Body.Should().StartWith("Our first public release.").And.Contain("Fix signup email").And.Contain("Add pricing page");
        release.HtmlUrl.Should().EndWith("/acme/platform/releases/tag/v1.0.0");
        release.Draft.Should().BeFalse();
        github.Repo.ResolveSha("v1.0.0").Should().Be(sha);
        var body = github.Requests.Single().Json!.AsObject();
        body["tag_name"]!.GetValue<string>().Should().Be("v1.0.0");
        body["target_commitish"]!.GetValue<string>().Should().Be("main");
        body["generate_release_notes"]!.GetValue<bool>().Should().BeTrue();
        body["draft"]!.GetValue<bool>().Should().BeFalse();
        body["prerelease"]!.GetValue<bool>().Should().BeFalse();
        body["make_latest"]!.GetValue<string>().Should().Be("true");
    }

    [Fact]
    public async Task CreateReleaseAsync_TagAlreadyReleased_ThrowsAlreadyExists()
    {
        await using var github = await GitHubTestContext.StartAsync();
        await github.Client.CreateReleaseAsync(github.Repository, new NewRelease { TagName = "v1.0.0" });

        var act = () => github.Client.CreateReleaseAsync(github.Repository, new NewRelease { TagName = "v1.0.0" });

        var error = (await act.Should().ThrowAsync<GitHubAlreadyExistsException>()).Which;
        error.Should().BeAssignableTo<GitHubValidationException>();
        error.HasErrorCode("already_exists").Should().BeTrue();
        error.GitHubMessage.Should().Be("Validation Failed");
        error.Errors.Should().ContainSingle().Which.Field.Should().Be("tag_name");
        error.Message.Should().Contain("Release.tag_name already_exists");
    }

    [Fact]
    public async Task CreateReleaseAsync_UnknownTarget_ThrowsValidationNotAlreadyExists()
    {
        await using var github = await GitHubTestContext.StartAsync();

        var act = () => github.Client.CreateReleaseAsync(github.Repository, new NewRelease { TagName = "v2", TargetCommitish = "nope" });

        var error = (await act.Should().ThrowAsync<GitHubValidationException>()).Which;
        error.Should().NotBeOfType<GitHubAlreadyExistsException>();
        error.Errors.Single().Field.Should().Be("target_commitish");
    }

    [Fact]
    public async Task GetReleaseByTagAsync_ExistingAndMissing_ReturnsReleaseOrNull()
    {
        await using var github = await GitHubTestContext.StartAsync();
        var created = await github.Client.CreateReleaseAsync(github.Repository, new NewRelease { TagName = "v1.0.0", Prerelease = true });

        var found = await github.Client.GetReleaseByTagAsync(github.Repository, "v1.0.0");
        var missing = await github.Client.GetReleaseByTagAsync(github.Repository, "v9.9.9");

        found!.Id.Should().Be(created.Id);
        found.Prerelease.Should().BeTrue();
        missing.Should().BeNull();
    }
}
