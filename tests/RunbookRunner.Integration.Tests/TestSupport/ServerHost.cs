using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RunbookRunner.Contracts;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>The real server (Kestrel, Quartz wakes, the given store) on 127.0.0.1 and a random port, in this process.</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private ServerHost(WebApplication app, string url, string runbooksFolder)
    {
        _app = app;
        Url = url;
        RunbooksFolder = runbooksFolder;
    }

    public string Url { get; }

    public string RunbooksFolder { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="store">The store (<c>sqlite:...</c>, <c>postgres:...</c>).</param>
    /// <param name="extra">More configuration keys.</param>
    /// <param name="configure">Last changes to the builder (a logger provider, a narration writer) before it is built.</param>
    public static async Task<ServerHost> StartAsync(string store, IReadOnlyDictionary<string, string?>? extra = null, Action<WebApplicationBuilder>? configure = null)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var runbooks = Directory.CreateTempSubdirectory("rbk-runbooks-").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Runbook:Store"] = store,
            ["Runbook:NodeId"] = $"it-{id}",
            ["Runbook:RunbooksPath"] = runbooks,
            ["Runbook:EventStreamHeartbeat"] = "00:00:01",
            ["Runbook:EventStreamPoll"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Error",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var builder = RunbookServer.CreateBuilder([], overrides);

        // Quartz keeps schedulers in a process-wide registry by name: give each in-process server its own.
        builder.Services.Configure<QuartzSchedulerOptions>(o => o.InstanceName = $"it-{id}");
        configure?.Invoke(builder);
        var app = RunbookServer.Build(builder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);
        return new ServerHost(app, app.Urls.First().TrimEnd('/'), runbooks);
    }

    public async Task<string> CreateTokenAsync(TokenRole role, string name, string? slackUser = null)
    {
        var created = await Services.GetRequiredService<ITokenStore>().CreateAsync(name, role, slackUser);
        return created.Plaintext;
    }

    /// <summary>A client for the API with <paramref name="token"/> (none for anonymous).</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        client.DefaultRequestHeaders.Add(ApiHeaders.Source, "api");
        _clients.Add(client);
        return client;
    }

    public async Task WriteRunbookAsync(string name, string yaml) =>
        await File.WriteAllTextAsync(Path.Combine(RunbooksFolder, name + ".yaml"), yaml);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(RunbooksFolder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folders are cleaned by the OS; a held file must not fail the test.
        }
    }
}
