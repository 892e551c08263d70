using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.DependencyInjection;
using RunbookRunner.Core.Schema;
using Xunit;

namespace RunbookRunner.Actions.Tests;

public sealed class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddRunbookActions(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddRunbookActions_RegistersAnActionForEveryCatalogType()
    {
        using var provider = Build([]);
        var registry = provider.GetRequiredService<ActionRegistry>();

        registry.Types.Should().BeEquivalentTo(ActionCatalog.BuiltIn.Keys);
        foreach (var type in registry.Types)
        {
            registry.Get(type).Descriptor.Should().BeSameAs(ActionCatalog.Find(type));
        }
    }

    [Fact]
    public void AddRunbookActions_SharedKeys_ConfigureCloudflareAndSlack()
    {
        using var provider = Build(new()
        {
            ["Cloudflare:ApiBaseUrl"] = "http://127.0.0.1:9/client/v4/",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Slack:BotToken"] = "xoxb-1",
            ["Actions:MaxCapturedOutputChars"] = "2048",
        });

        var options = provider.GetRequiredService<IOptions<ActionsOptions>>().Value;

        options.CloudflareApiBaseUrl.Should().Be(new Uri("http://127.0.0.1:9/client/v4/"));
        options.SlackApiBaseUrl.Should().Be(new Uri("http://127.0.0.1:9/api/"));
        options.SlackBotToken.Should().Be("xoxb-1");
        options.MaxCapturedOutputChars.Should().Be(2048);
    }

    [Fact]
    public void AddRunbookActions_InvalidOptions_ReportsEveryProblem()
    {
        using var provider = Build(new()
        {
            ["Cloudflare:ApiBaseUrl"] = "http://127.0.0.1:9/client/v4",
            ["Actions:PostgresBinDirectory"] = "/nonexistent/pg/bin",
            ["Actions:MaxCapturedOutputChars"] = "10",
        });

        var act = () => provider.GetRequiredService<IOptions<ActionsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(3)
            .And.Contain(f => f.Contains("must end with '/'", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("PostgresBinDirectory '/nonexistent/pg/bin' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Get_UnknownType_ListsTheKnownOnes()
    {
        using var provider = Build([]);

        var act = () => provider.GetRequiredService<ActionRegistry>().Get("shel");

        act.Should().Throw<KeyNotFoundException>().WithMessage("No step action of type 'shel'. Known types: dns.check, dns.cloudflare, github.commit_status*");
    }
}
