using FluentAssertions;
using RunbookRunner.Slack.RateLimiting;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.RateLimiting;

public sealed class SlackChannelPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void WaitAsync_WithinBurst_CompletesAtOnce()
    {
        var pacer = new SlackChannelPacer(Interval, burst: 3, _time);

        var waits = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync("C1")).ToList();

        waits.Should().OnlyContain(t => t.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_BeyondBurst_ReleasesOnePerInterval()
    {
        var pacer = new SlackChannelPacer(Interval, burst: 2, _time);

        var waits = Enumerable.Range(0, 5).Select(_ => pacer.WaitAsync("C1")).ToList();

        CompletedCount(waits).Should().Be(2);
        _time.PendingTimerCount.Should().Be(3, "each queued caller waits on its own slot");
        _time.Advance(Interval - TimeSpan.FromTicks(1));
        _time.PendingTimerCount.Should().Be(3, "no slot opens before a full interval");
        for (var i = 2; i < 5; i++)
        {
            _time.Advance(i == 2 ? TimeSpan.FromTicks(1) : Interval);
            await waits[i].WaitAsync(TimeSpan.FromSeconds(5));
            _time.PendingTimerCount.Should().Be(4 - i);
        }
    }

    [Fact]
    public void WaitAsync_OtherChannel_HasItsOwnBudget()
    {
        var pacer = new SlackChannelPacer(Interval, burst: 1, _time);
        _ = pacer.WaitAsync("C1");
        var queued = pacer.WaitAsync("C1");

        var other = pacer.WaitAsync("C2");

        queued.IsCompleted.Should().BeFalse();
        _time.PendingTimerCount.Should().Be(1);
        other.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void WaitAsync_AfterIdlePeriod_BurstIsRefilled()
    {
        var pacer = new SlackChannelPacer(Interval, burst: 3, _time);
        var first = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync("C1")).ToList();
        first.Should().OnlyContain(t => t.IsCompletedSuccessfully);
        pacer.PeekDelay("C1").Should().Be(Interval);

        _time.Advance(Interval * 3);

        Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync("C1")).Should().OnlyContain(t => t.IsCompletedSuccessfully);
        pacer.PeekDelay("C1").Should().Be(Interval);
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileQueued_GivesSlotBack()
    {
        var pacer = new SlackChannelPacer(Interval, burst: 1, _time);
        _ = pacer.WaitAsync("C1");
        using var cts = new CancellationTokenSource();
        var cancelled = pacer.WaitAsync("C1", cts.Token);
        pacer.PeekDelay("C1").Should().Be(Interval * 2);

        await cts.CancelAsync();

        await cancelled.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        pacer.PeekDelay("C1").Should().Be(Interval);
    }

    [Fact]
    public void Constructor_NonPositiveInterval_Throws()
    {
        var act = () => new SlackChannelPacer(TimeSpan.Zero, 1, _time);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static int CompletedCount(IEnumerable<Task> tasks) => tasks.Count(t => t.IsCompletedSuccessfully);
}
