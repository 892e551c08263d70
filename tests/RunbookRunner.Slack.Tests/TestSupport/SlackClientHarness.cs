using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Tests.Fakes;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>A fake Slack plus a real <see cref="ISlackClient"/> wired through <c>AddRunbookSlack</c>, with fast retry settings.</summary>
internal sealed class SlackClientHarness : IAsyncDisposable
{
    public const string Channel = "C0WARROOM";
    public const string OtherChannel = "C0ANNOUNCE";

    private readonly ServiceProvider _services;

    private SlackClientHarness(FakeSlackServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
        Client = services.GetRequiredService<ISlackClient>();
    }

    public FakeSlackServer Server { get; }

    public ISlackClient Client { get; }

    public static async Task<SlackClientHarness> StartAsync(Action<SlackOptions>? configure = null)
    {
        var server = await FakeSlackServer.StartAsync();
        server.AddChannel(Channel).AddChannel(OtherChannel);
        var services = new ServiceCollection();
        services.AddRunbookSlack(options =>
        {
            options.BotToken = server.BotToken;
            options.SigningSecret = "test-signing-secret";
            options.ApiBaseUrl = server.ApiBaseUrl;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            options.ChannelBurst = 20;
            configure?.Invoke(options);
        });
        return new SlackClientHarness(server, services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Another client built from the same container (typed clients are transient; pacing state is shared).</summary>
    public ISlackClient CreateClient() => _services.GetRequiredService<ISlackClient>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
