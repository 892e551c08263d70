using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server;

namespace RunbookRunner.Browser.Tests.TestSupport;

/// <summary>The real server (Kestrel, Quartz wakes, SQLite) on 127.0.0.1 and a random port, in this process, with a runbooks folder of its own.</summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private DashboardServer(WebApplication app, string url, string folder)
    {
        _app = app;
        Url = url;
        _folder = folder;
    }

    public string Url { get; }

    public string RunbooksFolder => Path.Combine(_folder, "runbooks");

    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardServer> StartAsync(IReadOnlyDictionary<string, string> runbooks)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var folder = Directory.CreateTempSubdirectory("rbk-browser-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "runbooks"));
        foreach (var (name, yaml) in runbooks)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "runbooks", name + ".yaml"), yaml);
        }

        var builder = RunbookServer.CreateBuilder([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Runbook:Store"] = "sqlite:" + Path.Combine(folder, "runs.db"),
            ["Runbook:NodeId"] = $"browser-{id}",
            ["Runbook:RunbooksPath"] = Path.Combine(folder, "runbooks"),
            ["Runbook:EventStreamHeartbeat"] = "00:00:01",
            ["Runbook:EventStreamPoll"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Error",
        });

        // Quartz keeps schedulers in a process-wide registry by name: give this server its own.
        builder.Services.Configure<QuartzSchedulerOptions>(o => o.InstanceName = $"browser-{id}");
        var app = RunbookServer.Build(builder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);
        return new DashboardServer(app, app.Urls.First().TrimEnd('/'), folder);
    }

    public async Task<string> CreateTokenAsync(TokenRole role, string name, string? slackUser = null) =>
        (await Services.GetRequiredService<ITokenStore>().CreateAsync(name, role, slackUser)).Plaintext;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folders are cleaned by the OS; a held file must not fail the test.
        }
    }
}
