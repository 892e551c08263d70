using FluentAssertions;
using RunbookRunner.Slack.RateLimiting;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.RateLimiting;

public sealed class SlackMethodGateTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task WaitAsync_BlockedMethod_WaitsUntilRetryAfterPasses()
    {
        var gate = new SlackMethodGate(_time);
        gate.Block("chat.postMessage", TimeSpan.FromSeconds(30));

        var wait = gate.WaitAsync("chat.postMessage");

        wait.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(29));
        _time.PendingTimerCount.Should().Be(1, "the wait is still scheduled");
        _time.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        gate.GetRemainingBlock("chat.postMessage").Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void WaitAsync_OtherMethod_IsNotBlocked()
    {
        var gate = new SlackMethodGate(_time);
        gate.Block("chat.postMessage", TimeSpan.FromSeconds(30));

        gate.WaitAsync("reactions.add").IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task WaitAsync_BlockExtendedWhileWaiting_WaitsForTheLaterTime()
    {
        var gate = new SlackMethodGate(_time);
        gate.Block("chat.update", TimeSpan.FromSeconds(10));
        var wait = gate.WaitAsync("chat.update");
        _time.Advance(TimeSpan.FromSeconds(5));

        gate.Block("chat.update", TimeSpan.FromSeconds(20));
        _time.Advance(TimeSpan.FromSeconds(5));

        // The first delay ended at 10 s; the gate must schedule another wait for the extension to 25 s.
        await _time.WaitForPendingTimersAsync(1, TimeSpan.FromSeconds(5));
        wait.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(15));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Block_ShorterThanExisting_DoesNotShortenIt()
    {
        var gate = new SlackMethodGate(_time);
        gate.Block("chat.update", TimeSpan.FromSeconds(10));

        gate.Block("chat.update", TimeSpan.FromSeconds(1));

        gate.GetRemainingBlock("chat.update").Should().Be(TimeSpan.FromSeconds(10));
    }
}
