using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Narration;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.WarRoom;
using RunbookRunner.Storage;
using RunbookRunner.Storage.Migrations;
using ManualClock = RunbookRunner.TestKit.Time.ManualTimeProvider;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>
/// The engine on a clock the test drives, over a temporary SQLite store, narrating to the real
/// <see cref="SlackNarrationSink"/> through the real outbox, which the test dispatches by hand; the sink talks HTTP
/// to a fake Slack (on the real clock, so the client's own retries need no driving).
/// </summary>
internal sealed class NarrationHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly ServiceProvider _engine;
    private readonly ServiceProvider _slackClient;
    private readonly DirectoryInfo _directory;

    private NarrationHarness(ServiceProvider engine, ServiceProvider slackClient, FakeSlackServer slack, ManualClock clock, DirectoryInfo directory)
    {
        _engine = engine;
        _slackClient = slackClient;
        Slack = slack;
        Clock = clock;
        _directory = directory;
    }

    public FakeSlackServer Slack { get; }

    public ManualClock Clock { get; }

    public RunEngine Engine => _engine.GetRequiredService<RunEngine>();

    public OutboxDispatcher Dispatcher => _engine.GetRequiredService<OutboxDispatcher>();

    public IOutboxStore Outbox => _engine.GetRequiredService<IOutboxStore>();

    public SlackNarrationSink Sink => _engine.GetRequiredService<SlackNarrationSink>();

    public string Store { get; private init; } = "";

    /// <param name="actions">Step actions the runs use.</param>
    /// <param name="coalesceWindow">The sink's status coalescing window (on the manual clock).</param>
    /// <param name="maxAttempts">Slack client attempts per call; 1 makes an outage fail fast.</param>
    public static async Task<NarrationHarness> StartAsync(IEnumerable<IStepAction> actions, TimeSpan coalesceWindow, int maxAttempts = 1)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AddChannel(TestRunbooks.Channel);
        var directory = Directory.CreateTempSubdirectory("rbr-narration-");
        var store = "sqlite:" + Path.Combine(directory.FullName, "runbook-runner.db");

        var slackServices = new ServiceCollection();
        slackServices.AddRunbookSlack(o =>
        {
            o.BotToken = slack.BotToken;
            o.SigningSecret = "unused-here";
            o.ApiBaseUrl = slack.ApiBaseUrl;
            o.ChannelPace = TimeSpan.FromMilliseconds(1);
            o.ChannelBurst = 50;
            o.MaxAttempts = maxAttempts;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        });
        var slackClient = slackServices.BuildServiceProvider();

        var clock = new ManualClock();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddRunbookStorage(store);
        foreach (var action in actions)
        {
            services.AddSingleton(action);
        }

        services.AddSingleton(sp => new SlackNarrationSink(
            () => slackClient.GetRequiredService<ISlackClient>(),
            sp.GetRequiredService<INarrationStateStore>(),
            sp.GetRequiredService<IRunStore>(),
            sp.GetRequiredService<IStepLogStore>(),
            Microsoft.Extensions.Options.Options.Create(new SlackWarRoomOptions { StatusCoalesceWindow = coalesceWindow }),
            clock,
            NullLogger<SlackNarrationSink>.Instance));
        services.AddSingleton<INarrationSink>(sp => sp.GetRequiredService<SlackNarrationSink>());
        services.AddRunbookEngine(o =>
        {
            o.NodeId = "narration-test";
            o.NarrationTargets.Add(SlackNarrationSink.TargetName);
        });
        var engine = services.BuildServiceProvider();
        await engine.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        return new NarrationHarness(engine, slackClient, slack, clock, directory) { Store = store };
    }

    /// <summary>A second sink over the same store, as a restarted node would have (nothing in memory).</summary>
    public SlackNarrationSink NewSink(TimeSpan coalesceWindow) => new(
        () => _slackClient.GetRequiredService<ISlackClient>(),
        _engine.GetRequiredService<INarrationStateStore>(),
        _engine.GetRequiredService<IRunStore>(),
        _engine.GetRequiredService<IStepLogStore>(),
        Microsoft.Extensions.Options.Options.Create(new SlackWarRoomOptions { StatusCoalesceWindow = coalesceWindow }),
        Clock,
        NullLogger<SlackNarrationSink>.Instance);

    public async Task<RunState> StartRunAsync(string yaml, string startedBy = "U0OPS") =>
        await Engine.StartAsync(new StartRunRequest
        {
            RunbookYaml = yaml,
            SourcePath = "test.yaml",
            T0 = Clock.GetUtcNow(),
            StartedBy = startedBy,
            Source = "api",
        });

    /// <summary>Dispatches the outbox until nothing is due now; returns the messages delivered or failed.</summary>
    public async Task<int> DispatchAllAsync()
    {
        var total = 0;
        for (var handled = await Dispatcher.DispatchOnceAsync(); handled > 0; handled = await Dispatcher.DispatchOnceAsync())
        {
            total += handled;
        }

        return total;
    }

    /// <summary>Polls the engine until the run satisfies <paramref name="condition"/> (actions finish on their own threads).</summary>
    public async Task<RunState> WaitForRunAsync(string runId, Func<RunState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var state = await Engine.GetStateAsync(runId, timeout.Token);
            if (state is not null && condition(state))
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, timeout.Token);
        }
    }

    /// <summary>The narration messages of a run for the Slack target, as the outbox holds them, in order.</summary>
    public async Task<IReadOnlyList<NarrationMessage>> JournalNarrationAsync(string runId)
    {
        var rows = await _engine.GetRequiredService<IRunStore>().ReadJournalAsync(runId, 0, 10_000);
        var state = await Engine.GetStateAsync(runId);
        var runbook = state!.Runbook;
        var events = rows.Select(r => Core.Runs.Events.RunEventJson.Deserialize(r.Type, r.DataJson)).ToList();
        return NarrationOutbox.For([SlackNarrationSink.TargetName], RunState.Initial(runId, runbook), events, [.. rows.Select(r => r.DataJson)])
            .Select(m => NarrationOutbox.Parse(m.PayloadJson))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.GetRequiredService<CommandRunner>().StopAsync();
        await _engine.DisposeAsync();
        await _slackClient.DisposeAsync();
        await Slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
