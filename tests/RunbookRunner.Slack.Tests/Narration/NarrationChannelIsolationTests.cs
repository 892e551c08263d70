using FluentAssertions;
using RunbookRunner.Core.Execution;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Narration;

/// <summary>One war room that Slack rate-limits does not hold back the narration of the others.</summary>
public sealed class NarrationChannelIsolationTests
{
    private const string Busy = "C0BUSYROOM";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private static readonly string[] StoryOfTheQuickRun =
        ["Run started", "▶ build started", "✔ build succeeded", "▶ ship started", "✔ ship succeeded", "▶ smoke started", "✔ smoke succeeded", "🎉 run succeeded", "Launch report"];

    [Fact]
    public async Task Dispatch_OneChannelAnswers429WithRetryAfter_OtherChannelNarratedPromptlyThrottledOneLaterCompleteInOrderOnce()
    {
        // Two attempts per call: the throttled channel waits out one Retry-After (3 s) inside the client, then fails to the outbox.
        await using var harness = await NarrationHarness.StartAsync(QuickActions(), Window, maxAttempts: 2);
        harness.Slack.AddChannel(Busy);
        harness.Slack.FailChannel(Busy, FakeSlackFailure.RateLimited(retryAfterSeconds: 3));
        var throttled = await harness.StartRunAsync(TestRunbooks.Quick.Replace($"channel: {TestRunbooks.Channel}", $"channel: {Busy}", StringComparison.Ordinal));
        await harness.WaitForRunAsync(throttled.RunId, s => s.IsTerminal);
        var quiet = await harness.StartRunAsync(TestRunbooks.Quick);
        await harness.WaitForRunAsync(quiet.RunId, s => s.IsTerminal);

        // The throttled run's narration comes first in the claim.
        var dispatch = harness.Dispatcher.DispatchOnceAsync();
        await harness.Slack.WaitUntilAsync(s => s.Messages.Any(m => m.Channel == TestRunbooks.Channel && m.AllText().Contains("Launch report", StringComparison.Ordinal)), NarrationHarness.Deadline);
        var busyCallsMeanwhile = CallsTo(harness.Slack, Busy);
        (await dispatch.WaitAsync(NarrationHarness.Deadline)).Should().BeGreaterThan(0);
        var busyPostedWhileThrottled = harness.Slack.TopLevel(Busy).Count;

        harness.Slack.ClearFailures();
        harness.Clock.Advance(TimeSpan.FromSeconds(1)); // the outbox's first retry delay
        await harness.DispatchAllAsync();
        harness.Clock.Advance(Window);
        await harness.Sink.WhenStatusUpdatesIdleAsync();

        busyCallsMeanwhile.Should().Be(1, "the quiet channel was narrated to the end before the throttled one's first Retry-After ran out");
        busyPostedWhileThrottled.Should().Be(0);
        AssertNarratedOnceInOrder(harness.Slack, TestRunbooks.Channel);
        AssertNarratedOnceInOrder(harness.Slack, Busy);
        (await harness.Outbox.GetBacklogAsync()).Pending.Should().Be(0);
    }

    private static int CallsTo(FakeSlackServer slack, string channel) =>
        slack.Calls.Count(c => c.GetString("channel") == channel);

    private static void AssertNarratedOnceInOrder(FakeSlackServer slack, string channel)
    {
        var status = slack.TopLevel(channel).Should().ContainSingle($"one status message in {channel}").Subject;
        var thread = slack.Thread(status.Ts).Select(m => m.AllText()).ToList();
        thread.Should().OnlyHaveUniqueItems().And.HaveCount(StoryOfTheQuickRun.Length, $"every event of the run in {channel} is narrated once");
        var positions = StoryOfTheQuickRun.Select(f => thread.FindIndex(text => text.Contains(f, StringComparison.Ordinal))).ToList();
        positions.Should().NotContain(-1).And.BeInAscendingOrder($"the thread in {channel} tells the run in order");
    }

    private static IStepAction[] QuickActions() => [ScriptedStepAction.Succeeding("shell", "ok"), ScriptedStepAction.Succeeding("http.check", "healthy")];
}
