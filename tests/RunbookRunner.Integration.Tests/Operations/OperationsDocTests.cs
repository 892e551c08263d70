using FluentAssertions;

namespace RunbookRunner.Integration.Tests.Operations;

/// <summary>docs/OPERATIONS.md documents every configuration key of the options classes, and no key that does not exist.</summary>
public sealed partial class OperationsDocTests
{
    [Fact]
    public void OperationsDoc_ConfigurationReference_ListsEveryOptionKey()
    {
        var doc = RepositoryFiles.Read("docs/OPERATIONS.md");

        ConfigurationKeys.All.Where(k => !doc.Contains($"`{k}`", StringComparison.Ordinal)).Should().BeEmpty("docs/OPERATIONS.md lists every key");
    }

    [Fact]
    public void OperationsDoc_ConfigurationReference_NamesNoUnknownKey()
    {
        var doc = RepositoryFiles.Read("docs/OPERATIONS.md");

        var named = KeyPattern().Matches(doc).Select(m => m.Groups[1].Value).Distinct().ToList();

        named.Should().NotBeEmpty().And.OnlyContain(k => ConfigurationKeys.IsKnown(k), "a documented key the server does not read misleads operators");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"`((?:Runbook|Slack|GitHub|Actions|Cloudflare|Logging)__[A-Za-z0-9_]+)`")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}
