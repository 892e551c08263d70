using FluentAssertions;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubRepositoryTests
{
    [Theory]
    [InlineData("acme/platform", "acme", "platform")]
    [InlineData("my-org/site.github.io", "my-org", "site.github.io")]
    [InlineData("A_b/c-d_e", "A_b", "c-d_e")]
    public void Parse_OwnerSlashName_SplitsParts(string value, string owner, string name)
    {
        var repository = GitHubRepository.Parse(value);

        repository.Owner.Should().Be(owner);
        repository.Name.Should().Be(name);
        repository.ToString().Should().Be(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("acme")]
    [InlineData("acme/")]
    [InlineData("/platform")]
    [InlineData("acme/platform/extra")]
    [InlineData("acme/plat form")]
    [InlineData("acme/..")]
    public void TryParse_Malformed_ReturnsFalse(string value)
    {
        GitHubRepository.TryParse(value, out var repository).Should().BeFalse();
        repository.Should().BeNull();
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionWithExample()
    {
        var act = () => GitHubRepository.Parse("platform");

        act.Should().Throw<FormatException>().WithMessage("*owner/name*");
    }

    [Fact]
    public void Equality_SameOwnerAndName_AreEqual()
    {
        new GitHubRepository("acme", "platform").Should().Be(GitHubRepository.Parse("acme/platform"));
    }
}
