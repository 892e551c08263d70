using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.TestKit.Fakes.GitHub;

namespace RunbookRunner.GitHub.Tests.TestSupport;

/// <summary>A fake GitHub with one repository (<c>acme/platform</c>) and a client wired to it through <c>AddRunbookGitHub</c>.</summary>
internal sealed class GitHubTestContext : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private GitHubTestContext(FakeGitHubServer server, FakeRepository repo, ServiceProvider services)
    {
        Server = server;
        Repo = repo;
        this.services = services;
        Client = services.GetRequiredService<IGitHubClient>();
    }

    public FakeGitHubServer Server { get; }

    /// <summary>The fake's side of <see cref="Repository"/>, for seeding and inspecting state.</summary>
    public FakeRepository Repo { get; }

    public GitHubRepository Repository => new(Repo.Owner, Repo.Name);

    public IGitHubClient Client { get; }

    public IReadOnlyList<FakeRecordedRequest> Requests => Server.Requests;

    /// <param name="configure">Client options after the defaults for tests (no write interval, 10 ms back-off).</param>
    /// <param name="time">Clock shared by client and server; the system clock when null.</param>
    /// <param name="pathPrefix">Server path prefix, e.g. <c>/api/v3</c>.</param>
    public static async Task<GitHubTestContext> StartAsync(
        Action<GitHubOptions>? configure = null,
        TimeProvider? time = null,
        string pathPrefix = "")
    {
        var server = await FakeGitHubServer.StartAsync(new FakeGitHubServerOptions
        {
            PathPrefix = pathPrefix,
            TimeProvider = time ?? TimeProvider.System,
        });
        var repo = server.State.AddRepository("acme", "platform");
        var collection = new ServiceCollection();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.AddRunbookGitHub(options =>
        {
            options.ApiBaseUrl = server.BaseUri.ToString();
            options.Token = server.Token;
            options.MinWriteInterval = TimeSpan.Zero;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        return new GitHubTestContext(server, repo, collection.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
