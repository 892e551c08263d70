using FluentAssertions;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Narration;

/// <summary>The Slack narrator fed by the real outbox: one status message per run, a thread of events, nothing twice.</summary>
public sealed class SlackNarrationSinkTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Dispatch_RunToTheEnd_PostsOneStatusMessageAndThreadsEveryStepUnderIt()
    {
        await using var harness = await NarrationHarness.StartAsync(QuickActions(), Window);
        var run = await harness.StartRunAsync(TestRunbooks.Quick);
        await harness.WaitForRunAsync(run.RunId, s => s.IsTerminal);

        await harness.DispatchAllAsync();

        var status = harness.Slack.TopLevel(TestRunbooks.Channel).Should().ContainSingle("one status message per run").Subject;
        status.AllText().Should().Contain("Quick release").And.Contain("Succeeded").And.Contain("3/3");
        var thread = harness.Slack.Thread(status.Ts).Select(m => m.AllText()).ToList();
        thread.Should().HaveCount(9, "run started, a start and an end per step, the end of the run and the report");
        AssertInOrder(thread, StoryOfTheQuickRun);
        thread[^1].Should().Contain("Launch report").And.Contain("Timeline");
        harness.Slack.Messages.Should().OnlyContain(m => m.ThreadTs == null || m.ThreadTs == status.Ts);
    }

    [Fact]
    public async Task Deliver_BurstOfEventsWithinTheWindow_UpdatesTheStatusMessageOnce()
    {
        var gate = new TaskCompletionSource<ActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await NarrationHarness.StartAsync([new ScriptedStepAction("shell", _ => gate.Task), ScriptedStepAction.Succeeding("http.check")], Window);
        var run = await harness.StartRunAsync(TestRunbooks.Quick);
        await harness.WaitForRunAsync(run.RunId, s => s.Step("build").Status == StepStatus.Running);

        var delivered = await harness.DispatchAllAsync();

        delivered.Should().BeGreaterThanOrEqualTo(3, "created, started and the first step's start arrive together");
        var status = harness.Slack.TopLevel(TestRunbooks.Channel).Single();
        harness.Slack.UpdateCount(status.Ts).Should().Be(0, "nothing is sent before the window closes");
        harness.Sink.PendingStatusUpdates.Should().Be(1);

        harness.Clock.Advance(Window);
        await harness.Slack.WaitUntilAsync(s => s.UpdateCount(status.Ts) >= 1, NarrationHarness.Deadline);
        await harness.Sink.WhenStatusUpdatesIdleAsync();

        harness.Slack.UpdateCount(status.Ts).Should().Be(1, "the burst is coalesced into one update");
        harness.Slack.Messages.Single(m => m.Ts == status.Ts).AllText().Should().Contain("`build` running");
        gate.SetResult(ActionResult.Success("built"));
    }

    [Fact]
    public async Task Deliver_EveryMessageAgainToTheSameAndToARestartedSink_PostsAndEditsNothing()
    {
        await using var harness = await NarrationHarness.StartAsync(QuickActions(), Window);
        var run = await harness.StartRunAsync(TestRunbooks.Quick);
        await harness.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        await harness.DispatchAllAsync();
        harness.Clock.Advance(Window);
        await harness.Sink.WhenStatusUpdatesIdleAsync();
        var callsBefore = harness.Slack.Calls.Count;
        var messages = await harness.JournalNarrationAsync(run.RunId);

        await using var restarted = harness.NewSink(Window);
        foreach (var message in messages)
        {
            await harness.Sink.DeliverAsync(message);
            await restarted.DeliverAsync(message);
        }

        harness.Clock.Advance(Window);
        await harness.Sink.WhenStatusUpdatesIdleAsync();
        await restarted.WhenStatusUpdatesIdleAsync();
        harness.Slack.Calls.Should().HaveCount(callsBefore, "repeats of narrated events are recognised by their sequence, in memory and in the store");
    }

    [Fact]
    public async Task Dispatch_SlackDownMidRun_DelaysNarrationThenDeliversEverythingOnceInOrder()
    {
        var gate = new TaskCompletionSource<ActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await NarrationHarness.StartAsync(
            [new ScriptedStepAction("shell", _ => gate.Task), ScriptedStepAction.Succeeding("http.check", "healthy")], TimeSpan.Zero);
        var run = await harness.StartRunAsync(TestRunbooks.Quick);
        await harness.WaitForRunAsync(run.RunId, s => s.Step("build").Status == StepStatus.Running);
        await harness.DispatchAllAsync();
        var status = harness.Slack.TopLevel(TestRunbooks.Channel).Single();
        var repliesBeforeOutage = harness.Slack.Thread(status.Ts).Count;

        // Edits fail first: the event's reply goes out, its status edit fails, so the outbox delivers the event again.
        harness.Slack.FailNext("chat.update", FakeSlackFailure.ServerError(503), int.MaxValue);
        gate.SetResult(ActionResult.Success("built"));
        await harness.WaitForRunAsync(run.RunId, s => s.IsTerminal);
        await harness.DispatchAllAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.DispatchAllAsync();
        harness.Slack.Thread(status.Ts).Should().HaveCount(repliesBeforeOutage + 1, "the retried event does not post its reply again");

        // Then Slack is down altogether for a while.
        harness.Slack.ClearFailures();
        harness.Slack.FailNext(FakeSlackServer.AnyMethod, FakeSlackFailure.ServerError(503), int.MaxValue);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.DispatchAllAsync();
        harness.Slack.Thread(status.Ts).Should().HaveCount(repliesBeforeOutage + 1);
        (await harness.Outbox.GetBacklogAsync()).Pending.Should().Be(6, "nothing is lost while Slack is down");

        harness.Slack.ClearFailures();
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.DispatchAllAsync();

        (await harness.Outbox.GetBacklogAsync()).Pending.Should().Be(0);
        harness.Slack.TopLevel(TestRunbooks.Channel).Should().ContainSingle();
        var thread = harness.Slack.Thread(status.Ts).Select(m => m.AllText()).ToList();
        thread.Should().HaveCount(9).And.OnlyHaveUniqueItems("no reply is posted twice");
        AssertInOrder(thread, StoryOfTheQuickRun);
        harness.Slack.Messages.Single(m => m.Ts == status.Ts).AllText().Should().Contain("Succeeded").And.Contain("3/3");
    }

    private static readonly string[] StoryOfTheQuickRun =
        ["Run started", "▶ build started", "✔ build succeeded", "▶ ship started", "✔ ship succeeded", "▶ smoke started", "✔ smoke succeeded", "🎉 run succeeded", "Launch report"];

    /// <summary>Each fragment is in exactly one reply, and the replies come in the fragments' order.</summary>
    private static void AssertInOrder(IReadOnlyList<string> thread, IEnumerable<string> fragments)
    {
        var positions = fragments.Select(f =>
        {
            var matches = thread.Select((text, i) => (text, i)).Where(x => x.text.Contains(f, StringComparison.Ordinal)).ToList();
            matches.Should().ContainSingle($"exactly one reply says '{f}'");
            return matches[0].i;
        }).ToList();
        positions.Should().BeInAscendingOrder();
    }

    private static IStepAction[] QuickActions() => [ScriptedStepAction.Succeeding("shell", "ok"), ScriptedStepAction.Succeeding("http.check", "healthy")];
}
