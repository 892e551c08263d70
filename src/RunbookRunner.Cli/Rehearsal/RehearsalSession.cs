using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunbookRunner.Actions.DependencyInjection;
using RunbookRunner.Core.Execution;
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
/// the real engine on a virtual clock, simulated actions (or real ones in a live rehearsal), and narration to the console.
/// </summary>
internal sealed class RehearsalSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ServiceProvider? _liveActions;
    private readonly string? _tempDirectory;

    private RehearsalSession(ServiceProvider services, ServiceProvider? liveActions, VirtualClock clock, string? tempDirectory)
    {
        _services = services;
        _liveActions = liveActions;
        Clock = clock;
        _tempDirectory = tempDirectory;
    }

    public VirtualClock Clock { get; }

    /// <param name="store">The journal's store; null for a throwaway SQLite file.</param>
    /// <param name="narration">Where narration goes.</param>
    /// <param name="errors">Where warnings go.</param>
    /// <param name="realTime">The real clock: the virtual one starts at its now; live actions wait on it.</param>
    /// <param name="actions">Settings of the actions (<c>GitHub:*</c>, <c>Cloudflare:*</c>, <c>Actions:*</c>, ...).</param>
    /// <param name="live">Run the actions for real (a dress rehearsal against staging) instead of simulating them.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<RehearsalSession> OpenAsync(
        string? store, TextWriter narration, TextWriter errors, TimeProvider realTime, IConfiguration actions, bool live, CancellationToken cancellationToken)
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
        ServiceProvider? liveActions = null;
        if (live)
        {
            // Real actions wait in real time (a deployment to finish, DNS to answer); only the engine's clock is virtual,
            // and it never moves while an action is in flight.
            var real = new ServiceCollection()
                .AddLogging(b => b.AddProvider(new WriterLoggerProvider(errors)).SetMinimumLevel(LogLevel.Warning))
                .AddSingleton(realTime);
            real.AddRunbookActions(actions);
            liveActions = real.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            foreach (var action in liveActions.GetServices<IStepAction>())
            {
                services.AddSingleton(action);
            }

            services.AddSingleton(liveActions.GetRequiredService<IGuardProbe>());
        }
        else
        {
            services.AddRunbookActions(actions);
        }

        services.AddRunbookEngine(o =>
        {
            o.NodeId = "rehearsal";
            o.KeepParkedRunsInMemory = true;
            o.NarrationTargets.Add(ConsoleNarrationSink.TargetName);
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return new RehearsalSession(provider, liveActions, clock, temp);
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
        if (_liveActions is not null)
        {
            await _liveActions.DisposeAsync().ConfigureAwait(false);
        }

        if (_tempDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }
}
