using FluentAssertions;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Api;

/// <summary>Pacing measured end to end on the real clock; the algorithm itself is pinned on fake time in SlackChannelPacerTests.</summary>
public sealed class SlackPacingTests
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan TimerTolerance = TimeSpan.FromMilliseconds(15);

    [Fact]
    public async Task PostMessageAsync_BurstToOneChannel_IsPacedWhileOtherChannelIsNot()
    {
        await using var harness = await SlackClientHarness.StartAsync(o =>
        {
            o.ChannelPace = Pace;
            o.ChannelBurst = 2;
        });

        var start = harness.Server.Elapsed;
        var busy = Enumerable.Range(0, 6).Select(i => harness.Client.PostMessageAsync(SlackClientHarness.Channel, $"event {i}")).ToList();
        var other = harness.Client.PostMessageAsync(SlackClientHarness.OtherChannel, "announcement");
        await Task.WhenAll([.. busy, other]);

        var calls = harness.Server.Calls;
        var busyCalls = calls.Where(c => c.GetString("channel") == SlackClientHarness.Channel).ToList();
        var otherCall = calls.Single(c => c.GetString("channel") == SlackClientHarness.OtherChannel);
        busyCalls.Should().HaveCount(6).And.OnlyContain(c => c.StatusCode == 200);

        // Measured from before the first send: network latency can only delay arrivals, never advance them.
        (busyCalls[^1].ReceivedAt - start).Should().BeGreaterThanOrEqualTo((Pace * (6 - 2)) - TimerTolerance);
        otherCall.ReceivedAt.Should().BeLessThan(busyCalls[^1].ReceivedAt, "another channel has its own budget");
        (otherCall.ReceivedAt - start).Should().BeLessThan(Pace * (6 - 2));
    }

    [Fact]
    public async Task PostMessageAsync_PacedBelowSlackLimit_NeverRateLimited()
    {
        await using var harness = await SlackClientHarness.StartAsync(o =>
        {
            o.ChannelPace = TimeSpan.FromMilliseconds(400);
            o.ChannelBurst = 2;
        });

        // Warm the connection first so a slow first request does not bunch later arrivals together.
        await harness.Client.PostMessageAsync(SlackClientHarness.OtherChannel, "warm-up");

        // Slack-like limit with bursts tolerated. Unpaced, 8 messages at once would exceed it; paced, at most
        // 4 go in any second (2 burst + 1 per 400 ms), which leaves room for network jitter.
        harness.Server.SetRateLimit("chat.postMessage", maxCalls: 6, window: TimeSpan.FromSeconds(1), perChannel: true);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => harness.Client.PostMessageAsync(SlackClientHarness.Channel, $"event {i}")));

        harness.Server.Calls.Should().HaveCount(9).And.OnlyContain(c => c.StatusCode == 200);
        harness.Server.Messages.Where(m => m.Channel == SlackClientHarness.Channel).Select(m => m.Text).Should().BeEquivalentTo(Enumerable.Range(0, 8).Select(i => $"event {i}"));
    }

    [Fact]
    public async Task PostMessageAsync_UnpacedBurstOverSlackLimit_RateLimitedThenAllDelivered()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.ChannelBurst = 20);
        harness.Server.SetRateLimit("chat.postMessage", maxCalls: 3, window: TimeSpan.FromSeconds(1), retryAfterSeconds: 1, perChannel: true);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => harness.Client.PostMessageAsync(SlackClientHarness.Channel, $"event {i}")));

        harness.Server.Calls.Should().Contain(c => c.StatusCode == 429);
        harness.Server.Messages.Should().HaveCount(5);
    }
}
