using FluentAssertions;
using RunbookRunner.GitHub.Http;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class LinkHeaderTests
{
    [Fact]
    public void Find_GitHubStyleHeader_ReturnsNextUrl()
    {
        var header = "<https://api.github.com/repositories/1300192/issues?page=2>; rel=\"next\", <https://api.github.com/repositories/1300192/issues?page=9>; rel=\"last\"";

        LinkHeader.Find([header], "next").Should().Be("https://api.github.com/repositories/1300192/issues?page=2");
        LinkHeader.Find([header], "last").Should().Be("https://api.github.com/repositories/1300192/issues?page=9");
        LinkHeader.Find([header], "prev").Should().BeNull();
    }

    [Fact]
    public void Find_UrlWithCommas_KeepsWholeUrl()
    {
        var header = "<https://api.github.com/repos/a/b/issues?labels=P0,P1&page=1>; rel=\"prev\", <https://api.github.com/repos/a/b/issues?labels=P0,P1&page=3>; rel=\"next\"";

        LinkHeader.Find([header], "next").Should().Be("https://api.github.com/repos/a/b/issues?labels=P0,P1&page=3");
    }

    [Fact]
    public void Find_SeveralHeaderValuesAndUnquotedRel_FindsIt()
    {
        LinkHeader.Find(["<https://x/1>; rel=first", "<https://x/3>;rel=next"], "next").Should().Be("https://x/3");
    }
}
