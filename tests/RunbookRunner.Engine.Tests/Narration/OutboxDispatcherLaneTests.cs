using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Tests.Support;
using RunbookRunner.Storage;
using RunbookRunner.Storage.Migrations;
using RunbookRunner.TestKit.Time;
using Xunit;

namespace RunbookRunner.Engine.Tests.Narration;

/// <summary>The outbox dispatcher delivers channels side by side: a slow or failing channel holds up only itself.</summary>
public sealed class OutboxDispatcherLaneTests : IAsyncLifetime
{
    private const string Slow = "C0SLOW";
    private const string Fast = "C0FAST";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rbr-lanes-");
    private readonly ManualTimeProvider _clock = new();
    private readonly LaneProbeSink _sink = new(Slow);
    private ServiceProvider _services = null!;

    private OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();

    private IOutboxStore Outbox => _services.GetRequiredService<IOutboxStore>();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<INarrationSink>(_sink)
            .AddRunbookStorage("sqlite:" + Path.Combine(_directory.FullName, "lanes.db"));
        services.AddRunbookEngine(o =>
        {
            o.NodeId = "node-lanes";
            o.NarrationTargets.Add(_sink.Target);
            o.NarrationConcurrency = 4;
        });
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<ISchemaMigrator>().MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        _sink.Release.TrySetResult();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task DispatchOnceAsync_OneChannelWaitsForItsPace_OtherChannelDeliveredMeanwhileEachInOrder()
    {
        await EnqueueAsync("run-slow", Slow, 1, 3);
        await EnqueueAsync("run-fast", Fast, 1, 3);

        var dispatch = Dispatcher.DispatchOnceAsync();
        await _sink.SlowEntered.Task.WaitAsync(Bound);
        await _sink.WaitUntilAsync(s => s.SequencesOf(Fast).Count == 3, Bound);

        _sink.SequencesOf(Slow).Should().BeEmpty("the slow channel's first message is still waiting for its pace");
        dispatch.IsCompleted.Should().BeFalse();
        _sink.Release.SetResult();
        (await dispatch.WaitAsync(Bound)).Should().Be(6);
        _sink.SequencesOf(Fast).Should().Equal(1, 2, 3);
        _sink.SequencesOf(Slow).Should().Equal(1, 2, 3);
        (await Outbox.GetBacklogAsync()).Pending.Should().Be(0, "the batch's completion was written");
    }

    [Fact]
    public async Task ExecuteAsync_OneChannelBlocked_LaterNarrationOfOtherChannelsIsClaimedAndDeliveredMeanwhile()
    {
        await EnqueueAsync("run-slow", Slow, 1, 3);
        await EnqueueAsync("run-fast", Fast, 1, 2);

        await Dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await _sink.SlowEntered.Task.WaitAsync(Bound);
            await _sink.WaitUntilAsync(s => s.SequencesOf(Fast).Count == 2, Bound);

            // New narration arrives while the slow channel still holds its first message.
            await EnqueueAsync("run-fast", Fast, 3, 5);
            await EnqueueAsync("run-other", "C0OTHER", 1, 2);
            _services.GetRequiredService<OutboxSignal>().Poke();
            await _sink.WaitUntilAsync(s => s.SequencesOf(Fast).Count == 5 && s.SequencesOf("C0OTHER").Count == 2, Bound);
            _sink.SequencesOf(Slow).Should().BeEmpty();

            _sink.Release.SetResult();
            await _sink.WaitUntilAsync(s => s.SequencesOf(Slow).Count == 3, Bound);
        }
        finally
        {
            await Dispatcher.StopAsync(CancellationToken.None);
        }

        _sink.SequencesOf(Fast).Should().Equal(1, 2, 3, 4, 5);
        _sink.SequencesOf("C0OTHER").Should().Equal(1, 2);
        _sink.SequencesOf(Slow).Should().Equal(1, 2, 3);
        (await Outbox.GetBacklogAsync()).Pending.Should().Be(0, "completions are written in batches as lanes deliver");
    }

    [Fact]
    public async Task DispatchOnceAsync_OneChannelRateLimited_OtherChannelDeliveredAndLimitedOneLaterInOrderOnce()
    {
        _sink.FailuresLeft = 1;
        _sink.Release.SetResult();
        await EnqueueAsync("run-slow", Slow, 1, 3);
        await EnqueueAsync("run-fast", Fast, 1, 3);

        (await Dispatcher.DispatchOnceAsync()).Should().Be(6);
        var afterFirst = (await Outbox.GetBacklogAsync()).Pending;
        (await Dispatcher.DispatchOnceAsync()).Should().Be(0, "the limited channel's run waits for its retry time");
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await Dispatcher.DispatchOnceAsync()).Should().Be(3);

        afterFirst.Should().Be(3, "the other channel's narration was delivered and completed");
        _sink.SequencesOf(Fast).Should().Equal(1, 2, 3);
        _sink.SequencesOf(Slow).Should().Equal(1, 2, 3);
        (await Outbox.GetBacklogAsync()).Pending.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_MessagesQueuedPastHalfTheirLease_GoBackToTheStoreAndComeRoundOnceInOrder()
    {
        await EnqueueAsync("run-slow", Slow, 1, 3);
        await Dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await _sink.SlowEntered.Task.WaitAsync(Bound);

            // Message 1 is being delivered; 2 and 3 wait in the lane until less than half of their claim is left.
            _clock.Advance(TimeSpan.FromSeconds(61));
            _sink.Release.SetResult();
            await _sink.WaitUntilAsync(s => s.SequencesOf(Slow).Count == 1, Bound);
            _clock.Advance(TimeSpan.FromSeconds(60));
            _services.GetRequiredService<OutboxSignal>().Poke();
            await _sink.WaitUntilAsync(s => s.SequencesOf(Slow).Count == 3, Bound);
        }
        finally
        {
            await Dispatcher.StopAsync(CancellationToken.None);
        }

        _sink.SequencesOf(Slow).Should().Equal(1, 2, 3);
        (await Outbox.GetBacklogAsync()).Pending.Should().Be(0);
    }

    private Task EnqueueAsync(string runId, string channel, int fromSequence, int toSequence) =>
        Outbox.EnqueueAsync(runId, [.. Enumerable.Range(fromSequence, toSequence - fromSequence + 1).Select(sequence => new NewOutboxMessage(_sink.Target, "thread", JsonSerializer.Serialize(
            new NarrationMessage
            {
                RunId = runId,
                Sequence = sequence,
                EventType = "StepStarted",
                EventJson = "{}",
                At = _clock.GetUtcNow(),
                Clock = "12:00:00 (T+0s)",
                Text = $"{runId} #{sequence}",
                RunState = "running",
                RunbookName = runId,
                Channel = channel,
            },
            RunEventJson.Options)))]);
}
