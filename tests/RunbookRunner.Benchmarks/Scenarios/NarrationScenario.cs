using RunbookRunner.Benchmarks.Harness;
using RunbookRunner.Benchmarks.Slack;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>
/// Narration: a run of empty steps produces a burst of events in one decision; the Slack narrator paces
/// them per channel. Counts the Web API calls the fake Slack receives for the run's channel, and how long
/// after the run ended the last one arrives (the longest backlog the pace builds up).
/// </summary>
internal static class NarrationScenario
{
    public static async Task RunAsync(string label, ServeNode node, FakeSlack slack, BenchOptions options, FigureBook book, CancellationToken cancellationToken)
    {
        const int steps = 15;
        var calls = new List<double>();
        var events = new List<double>();
        var drain = new List<double>();
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            var channel = $"C-NARRATE{rep}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
            var run = await BenchApi.StartAsync(node.Http, BenchRunbooks.Empty(steps, "bench-narration", channel), cancellationToken: cancellationToken).ConfigureAwait(false);
            var end = run.State == RunStates.Succeeded
                ? run
                : await BenchApi.WaitForAsync(node.Http, run.Id, r => r.State == RunStates.Succeeded, TimeSpan.FromSeconds(60), cancellationToken: cancellationToken).ConfigureAwait(false);
            var endedAt = slack.Started.Elapsed;

            // Quiet for 5 s after the first call (longer than the pace and the status coalescing window) means
            // the backlog is drained.
            var seen = 0;
            var quietSince = slack.Started.Elapsed;
            while ((seen == 0 || slack.Started.Elapsed - quietSince < TimeSpan.FromSeconds(5)) && slack.Started.Elapsed - endedAt < TimeSpan.FromMinutes(3))
            {
                var count = slack.Calls.Count(c => c.Channel == channel);
                if (count != seen)
                {
                    seen = count;
                    quietSince = slack.Started.Elapsed;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }

            var mine = slack.Calls.Where(c => c.Channel == channel).ToList();
            calls.Add(mine.Count);
            events.Add(end.Version);
            drain.Add(mine.Count == 0 ? 0 : (mine.Max(c => c.At) - endedAt).TotalSeconds);
        }

        var what = $"a run of {steps} `wait: 0s` steps, all events committed in one decision";
        book.Add($"narration.{label}.slack_calls_per_run", "calls", calls, note: what);
        book.Add($"narration.{label}.events_per_run", "events", events, note: "journal events of that run");
        book.Add($"narration.{label}.longest_backlog", "s", drain, reference: "Slack's pace: about 1 message per second per channel", note: "last Slack call after the run ended");
    }
}
