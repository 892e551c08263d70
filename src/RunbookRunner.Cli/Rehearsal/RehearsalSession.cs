using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunbookRunner.Actions.DependencyInjection;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;
using RunbookRunner.Engine;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Rehearsal;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Scheduling;
using RunbookRunner.Storage;
using RunbookRunner.Storage.Migrations;

namespace RunbookRunner.Cli.Rehearsal;

/// <summary>
/// One process holding everything a rehearsal needs: a store (a throwaway SQLite file unless given),
/// the real engine on a virtual clock, simulated actions, and narration to the console.
/// </summary>
internal sealed class RehearsalSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _tempDirectory;

    private RehearsalSession(ServiceProvider services, VirtualClock clock, string? tempDirectory)
    {
        _services = services;
        Clock = clock;
        _tempDirectory = tempDirectory;
    }

    public VirtualClock Clock { get; }

    public static async Task<RehearsalSession> OpenAsync(string? store, TextWriter narration, TextWriter errors, TimeProvider realTime, CancellationToken cancellationToken)
    {
        string? temp = null;
        StoreConnection connection;
        if (store is null)
        {
            // The default journal is deleted when the rehearsal ends: it need not wait for the disk.
            temp = Directory.CreateTempSubdirectory("runbook-rehearsal-").FullName;
            connection = StoreConnection.Parse($"sqlite:{Path.Combine(temp, "rehearsal.db")}").AsEphemeral();
        }
        else
        {
            connection = StoreConnection.Parse(store);
        }

        var clock = new VirtualClock(realTime.GetUtcNow());
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new WriterLoggerProvider(errors)).SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<INarrationSink>(new ConsoleNarrationSink(narration))
            .AddRunbookStorage(connection);
        services.AddRunbookActions(new ConfigurationBuilder().Build());
        services.AddRunbookEngine(o =>
        {
            o.NodeId = "rehearsal";
            o.KeepParkedRunsInMemory = true;
            o.NarrationTargets.Add(ConsoleNarrationSink.TargetName);
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return new RehearsalSession(provider, clock, temp);
    }

    public Task<RunState> RunAsync(StartRunRequest request, RehearsalOptions options, IRehearsalPrompter prompter, CancellationToken cancellationToken)
    {
        var driver = new RehearsalDriver(
            _services.GetRequiredService<RunEngine>(),
            _services.GetRequiredService<RunEventFeed>(),
            _services.GetRequiredService<OutboxDispatcher>(),
            _services.GetRequiredService<TimerWakeScheduler>(),
            _services.GetRequiredService<EngineActivity>(),
            Clock,
            prompter,
            options);
        return driver.RunAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<Engine.Execution.CommandRunner>().StopAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
        if (_tempDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }
}
