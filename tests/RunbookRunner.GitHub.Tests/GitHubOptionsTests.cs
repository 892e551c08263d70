using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace RunbookRunner.GitHub.Tests;

public sealed class GitHubOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new GitHubOptionsValidator().Validate(null, new GitHubOptions());

        result.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("https://api.github.com/")]
    [InlineData("https://github.example.com/api/v3")]
    [InlineData("http://127.0.0.1:5000/api/v3/")]
    public void Validate_SupportedBaseUrl_Succeeds(string url)
    {
        var result = new GitHubOptionsValidator().Validate(null, new GitHubOptions { ApiBaseUrl = url });

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryFailure()
    {
        var options = new GitHubOptions
        {
            ApiBaseUrl = "api.github.com",
            Token = "ghp_abc\n",
            UserAgent = "bad agent (",
            MinWriteInterval = TimeSpan.FromSeconds(-1),
            MaxRateLimitWait = TimeSpan.FromSeconds(-1),
            MaxRateLimitRetries = -1,
            MaxRetries = 99,
            RetryBaseDelay = TimeSpan.Zero,
            RequestTimeout = TimeSpan.Zero,
        };

        var result = new GitHubOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(9);
        result.FailureMessage.Should()
            .Contain("GitHub:ApiBaseUrl").And.Contain("GitHub:Token").And.Contain("GitHub:UserAgent")
            .And.Contain("GitHub:MinWriteInterval").And.Contain("GitHub:MaxRateLimitWait").And.Contain("GitHub:MaxRateLimitRetries")
            .And.Contain("GitHub:MaxRetries").And.Contain("GitHub:RetryBaseDelay").And.Contain("GitHub:RequestTimeout");
        result.FailureMessage.Should().NotContain("ghp_abc", "a token must never be echoed in an error");
    }

    [Fact]
    public void Validate_BaseUrlWithQuery_Fails()
    {
        var result = new GitHubOptionsValidator().Validate(null, new GitHubOptions { ApiBaseUrl = "https://api.github.com/?x=1" });

        result.Failures.Should().ContainSingle().Which.Should().Contain("query");
    }

    [Fact]
    public void AddRunbookGitHub_InvalidOptions_ResolvingClientThrowsWithAllFailures()
    {
        var services = new ServiceCollection();
        services.AddRunbookGitHub(o =>
        {
            o.ApiBaseUrl = "ftp://example.com/";
            o.MaxRetries = -1;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IGitHubClient>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(2);
    }

    [Fact]
    public void AddRunbookGitHub_ConfigurationSection_BindsOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GitHub:Token"] = "ghp_fromConfig",
                ["GitHub:ApiBaseUrl"] = "https://github.example.com/api/v3/",
                ["GitHub:MinWriteInterval"] = "00:00:02",
                ["GitHub:MaxRateLimitWait"] = "00:05:00",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddRunbookGitHub(configuration.GetSection(GitHubOptions.SectionName), o => o.MaxRetries = 5);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GitHubOptions>>().Value;
        var client = (GitHubRestClient)provider.GetRequiredService<IGitHubClient>();

        options.Token.Should().Be("ghp_fromConfig");
        options.MinWriteInterval.Should().Be(TimeSpan.FromSeconds(2));
        options.MaxRateLimitWait.Should().Be(TimeSpan.FromMinutes(5));
        options.MaxRetries.Should().Be(5);
        client.BaseUri.Should().Be(new Uri("https://github.example.com/api/v3/"));
    }

    [Fact]
    public void DefaultUserAgent_IsProductAndVersion()
    {
        GitHubOptions.DefaultUserAgent.Should().MatchRegex(@"^RunbookRunner/\d+\.\d+\.\d+$");
    }
}
