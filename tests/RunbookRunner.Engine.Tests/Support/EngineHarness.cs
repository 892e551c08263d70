using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Recovery;
using RunbookRunner.Engine.Rehearsal;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Scheduling;
using RunbookRunner.Storage;
using RunbookRunner.Storage.Migrations;
using RunbookRunner.TestKit.Time;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>One engine node over a real store, on a clock the test drives.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHarness(ServiceProvider services, ManualTimeProvider clock, RecordingSink sink)
    {
        _services = services;
        Clock = clock;
        Sink = sink;
    }

    public ManualTimeProvider Clock { get; }

    public RecordingSink Sink { get; }

    public RunEngine Engine => _services.GetRequiredService<RunEngine>();

    public IRunStore Store => _services.GetRequiredService<IRunStore>();

    public IAuditStore Audit => _services.GetRequiredService<IAuditStore>();

    public IStepLogStore Logs => _services.GetRequiredService<IStepLogStore>();

    public OutboxDispatcher Outbox => _services.GetRequiredService<OutboxDispatcher>();

    public RecoveryService Recovery => _services.GetRequiredService<RecoveryService>();

    public static async Task<EngineHarness> StartAsync(
        string store, ManualTimeProvider? clock = null, IEnumerable<IStepAction>? actions = null, string nodeId = "node-a",
        Action<IServiceCollection>? configure = null)
    {
        clock ??= new ManualTimeProvider();
        var sink = new RecordingSink();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<INarrationSink>(sink)
            .AddRunbookStorage(store);
        foreach (var action in actions ?? [])
        {
            services.AddSingleton(action);
        }

        services.AddRunbookEngine(o =>
        {
            o.NodeId = nodeId;
            o.NarrationTargets.Add(sink.Target);
        });
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        return new EngineHarness(provider, clock, sink);
    }

    public RehearsalDriver Driver(RehearsalOptions options) => new(
        Engine,
        _services.GetRequiredService<RunEventFeed>(),
        Outbox,
        _services.GetRequiredService<TimerWakeScheduler>(),
        _services.GetRequiredService<EngineActivity>(),
        Clock,
        new NoPrompter(),
        options);

    public async Task<IReadOnlyList<RunEvent>> JournalAsync(string runId)
    {
        var rows = await Store.ReadJournalAsync(runId, 0, 10_000);
        return rows.Select(r => RunEventJson.Deserialize(r.Type, r.DataJson)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<CommandRunner>().StopAsync();
        await _services.DisposeAsync();
    }

    private sealed class NoPrompter : IRehearsalPrompter
    {
        public Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken = default) => Task.FromResult<bool?>(null);

        public Task<FailureChoice?> ChooseAsync(string question, CancellationToken cancellationToken = default) => Task.FromResult<FailureChoice?>(null);
    }
}
