using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.GitHub;
using RunbookRunner.TestKit.Fakes.GitHub;

namespace RunbookRunner.Actions.Tests.GitHub;

/// <summary>The fake GitHub (acme/platform) and a real GitHub client wired to it, plus fast polling for waits.</summary>
internal sealed class GitHubHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GitHubHarness(FakeGitHubServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
        Repo = server.State.FindRepository("acme", "platform")!;
    }

    public FakeGitHubServer Server { get; }

    public FakeRepository Repo { get; }

    public IGitHubClient Client => _services.GetRequiredService<IGitHubClient>();

    public IOptions<ActionsOptions> Options { get; } = Contexts.Options(o => o.GitHubPollInterval = TimeSpan.FromMilliseconds(20));

    public static async Task<GitHubHarness> StartAsync()
    {
        var server = await FakeGitHubServer.StartAsync();
        server.State.AddRepository("acme", "platform");
        var services = new ServiceCollection();
        services.AddRunbookGitHub(o =>
        {
            o.ApiBaseUrl = server.BaseUri.ToString();
            o.Token = server.Token;
            o.MinWriteInterval = TimeSpan.Zero;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        return new GitHubHarness(server, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
