using System.Diagnostics;
using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.External;

/// <summary>
/// A real <c>runbook serve</c> narrating to a fake Slack that answers 500s, then hangs (client time-outs), then
/// rate-limits every call (429 storm). The phases last seconds, not the minute of the issue, to fit the CI budget.
/// </summary>
public sealed class SlackOutageTests(ITestOutputHelper output)
{
    private const string Channel = "C0FAULTS";
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Narration_SlackFailsWith500sTimeoutsAnd429Storm_DeliveredLateCompleteInOrderOnce()
    {
        using var work = new WorkDirectory("slack");
        await using var slack = await FakeSlackServer.StartAsync();
        slack.AddChannel(Channel);
        var store = $"sqlite:{work.File("runs.db")}";
        var token = await RunbookCli.CreateAdminTokenAsync(store);
        await using var node = await ServeNode.StartAsync(store, "slack-node", work.Path, new Dictionary<string, string>
        {
            ["Slack__BotToken"] = slack.BotToken,
            ["Slack__SigningSecret"] = "fault-suite-signing-secret",
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack__RequestTimeout"] = "00:00:01",
            ["Slack__RetryBaseDelay"] = "00:00:00.200",
            ["Slack__MaxRetryDelay"] = "00:00:01",
            ["Slack__ChannelPace"] = "00:00:00.100",
            ["Slack__ChannelBurst"] = "10",
        });
        await node.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var api = new FaultApi(node.Url, token);
        var ledger = work.File("ledger.txt");
        const string pattern = "nwnwn";
        var yaml = FaultRunbooks.Ledger("slack-outage", ledger, pattern, extraHeader: $"channel: {Channel}");

        var clock = Stopwatch.StartNew();
        slack.FailNext(FakeSlackServer.AnyMethod, FakeSlackFailure.ServerError(500), int.MaxValue);
        var runId = (await api.StartAsync(yaml, "slack-outage-1")).Id;
        await Task.Delay(Phase);
        slack.ClearFailures();
        slack.FailNext(FakeSlackServer.AnyMethod, FakeSlackFailure.Hang(), int.MaxValue);
        await Task.Delay(Phase);
        slack.ClearFailures();
        slack.FailNext(FakeSlackServer.AnyMethod, FakeSlackFailure.RateLimited(1), int.MaxValue);
        await Task.Delay(Phase);
        var postedDuringOutage = slack.Messages.Count;
        slack.ClearFailures();
        var outageEnded = clock.Elapsed;

        await slack.WaitUntilAsync(s => s.Messages.Any(m => m.AllText().Contains("🎉 run succeeded", StringComparison.Ordinal)), TimeSpan.FromSeconds(90));
        var caughtUp = clock.Elapsed - outageEnded;
        var run = await api.GetRunAsync(runId);

        var status = slack.TopLevel(Channel);
        var thread = status.Count == 1 ? slack.Thread(status[0].Ts).Select(m => m.AllText()).ToList() : [];
        var calls = slack.Calls;
        var report = new FaultReport("Slack outage (500s, then hangs past the 1 s client time-out, then a 429 storm; 3 s each)");
        report.Add("failed Slack calls during the outage", $"{calls.Count(c => !c.Succeeded)} of {calls.Count}");
        report.Add("messages that got through during the outage", postedDuringOutage);
        report.Add("run state when narration caught up", run.State);
        report.Add("narration complete after the outage ended", $"{caughtUp.TotalSeconds:0.0} s");
        report.Add("status messages in the channel", status.Count);
        report.Add("thread replies", $"{thread.Count} ({thread.Distinct().Count()} distinct)");
        var text = report.Write(output);

        string[] story = ["Run started", .. pattern.Select((c, i) => $"{c}{i + 1}").SelectMany(id => new[] { $"▶ {id} started", $"✔ {id} succeeded" }), "🎉 run succeeded"];
        using (new AssertionScope())
        {
            run.State.Should().Be(RunStates.Succeeded, "a Slack outage does not stop the run");
            postedDuringOutage.Should().Be(0, "every call failed while Slack was down");
            status.Should().ContainSingle("the status message is posted once");
            thread.Should().OnlyHaveUniqueItems("no reply is posted twice: " + text);
            AssertInOrder(thread, story);
        }

        work.Passed = true;
    }

    /// <summary>Each fragment is in exactly one reply, and the replies come in the fragments' order.</summary>
    private static void AssertInOrder(IReadOnlyList<string> thread, IEnumerable<string> fragments)
    {
        var positions = fragments.Select(f =>
        {
            var matches = thread.Select((text, i) => (text, i)).Where(x => x.text.Contains(f, StringComparison.Ordinal)).ToList();
            matches.Should().ContainSingle($"exactly one reply says '{f}'");
            return matches.Count > 0 ? matches[0].i : -1;
        }).ToList();
        positions.Should().BeInAscendingOrder();
    }
}
