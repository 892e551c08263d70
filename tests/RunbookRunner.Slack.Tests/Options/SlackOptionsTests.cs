using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.RateLimiting;
using RunbookRunner.Slack.Security;
using Xunit;

namespace RunbookRunner.Slack.Tests.Options;

public sealed class SlackOptionsTests
{
    [Fact]
    public void Validate_TokenAndSecretSet_Succeeds()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" });

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryFailureAtOnce()
    {
        var options = new SlackOptions
        {
            BotToken = string.Empty,
            SigningSecret = "secret\n",
            ApiBaseUrl = new Uri("/relative", UriKind.Relative),
            ChannelPace = TimeSpan.Zero,
            ChannelBurst = 0,
            MaxAttempts = 0,
            RetryBaseDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromSeconds(-1),
            MaxRetryAfter = TimeSpan.FromSeconds(-1),
            RequestTimeout = TimeSpan.Zero,
            MaxRequestBodyBytes = 10,
        };

        var result = new SlackOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(11);
        result.Failures.Should().Contain(f => f.Contains("Slack:BotToken is required", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.Contains("Slack:SigningSecret contains whitespace", StringComparison.Ordinal));
        result.Failures.Should().Contain(f => f.Contains("Slack:ApiBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TokenNotSlackShaped_Fails()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = "ghp_abc", SigningSecret = "s" });

        result.Failures.Should().ContainSingle().Which.Should().Contain("xox");
    }

    [Fact]
    public void AddRunbookSlack_FromConfiguration_BindsOptionsAndResolvesServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-from-config",
            ["Slack:SigningSecret"] = "from-config",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api",
            ["Slack:ChannelPace"] = "00:00:02",
            ["Slack:ChannelBurst"] = "5",
        }).Build();
        var services = new ServiceCollection();

        services.AddRunbookSlack(configuration.GetSection(SlackOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
        options.BotToken.Should().Be("xoxb-from-config");
        options.ApiBaseUrl.Should().Be(new Uri("http://127.0.0.1:9/api"));
        var pacer = provider.GetRequiredService<SlackChannelPacer>();
        pacer.Interval.Should().Be(TimeSpan.FromSeconds(2));
        pacer.Burst.Should().Be(5);
        provider.GetRequiredService<ISlackClient>().Should().BeOfType<SlackWebApiClient>();
        provider.GetRequiredService<SlackRequestVerifier>().Should().NotBeNull();
        provider.GetRequiredService<SlackMethodGate>().Should().BeSameAs(provider.GetRequiredService<SlackMethodGate>());
    }

    [Fact]
    public async Task AddRunbookSlack_InvalidOptions_HostFailsAtStartWithAllFailures()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRunbookSlack(o => o.ChannelBurst = 0);
        using var host = builder.Build();

        var act = () => host.StartAsync();

        var error = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        error.Failures.Should().HaveCount(3, "token, secret and burst are all wrong");
    }
}
