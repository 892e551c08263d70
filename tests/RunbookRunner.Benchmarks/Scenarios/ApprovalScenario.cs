using RunbookRunner.Benchmarks.Harness;
using RunbookRunner.Benchmarks.Slack;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>
/// Approval to next step started: runs parked on an approval are approved one by one, through the API or
/// through a signed Slack click; the figure is from sending the request until the client sees the next step
/// started through the API (the API's answer itself, or polling every 5 ms after Slack's acknowledgement).
/// </summary>
internal static class ApprovalScenario
{
    public const string SigningSecret = "bench-signing-secret";

    public static async Task RunAsync(string label, ServeNode node, FakeSlack slack, BenchOptions options, FigureBook book, CancellationToken cancellationToken)
    {
        var perRep = options.Quick ? 10 : 30;
        foreach (var via in new[] { "api", "slack" })
        {
            var p50 = new List<double>();
            var p99 = new List<double>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                var runs = new List<RunDto>();
                for (var i = 0; i < perRep; i++)
                {
                    runs.Add(await BenchApi.StartAsync(node.Http, BenchRunbooks.Approval(), cancellationToken: cancellationToken).ConfigureAwait(false));
                }

                var samples = new List<double>();
                foreach (var run in runs)
                {
                    samples.Add(await ApproveAsync(node, slack, run.Id, via, cancellationToken).ConfigureAwait(false));
                }

                p50.Add(Stats.Percentile(samples, 50));
                p99.Add(Stats.Percentile(samples, 99));
            }

            var reference = via == "slack" ? "Slack wants the click acknowledged within 3,000 ms" : null;
            book.Add($"approval.{via}.{label}.p50", "ms", p50, target: 150, reference: reference, note: $"{perRep} approvals per repetition, each on a run parked (not in memory)");
            book.Add($"approval.{via}.{label}.p99", "ms", p99, target: 500);
        }
    }

    private static async Task<double> ApproveAsync(ServeNode node, FakeSlack slack, string runId, string via, CancellationToken cancellationToken)
    {
        var sent = TimeProvider.System.GetUtcNow();
        RunDto after;
        if (via == "api")
        {
            after = await BenchApi.ApproveAsync(node.Http, runId, "go", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var click = SlackClick.Approve(runId, "go", BenchRunbooks.Approver, SigningSecret, slack.ResponseUrl(runId), sent);
            using var ack = await node.Http.SendAsync(click, cancellationToken).ConfigureAwait(false);
            if (!ack.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Slack click refused: {(int)ack.StatusCode} {await ack.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
            }

            after = await BenchApi.GetAsync(node.Http, runId, cancellationToken).ConfigureAwait(false);
        }

        if (after.Steps.Single(s => s.Id == "next").StartedAt is null)
        {
            after = await BenchApi.WaitForAsync(node.Http, runId, r => r.Steps.Single(s => s.Id == "next").StartedAt is not null, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(5), cancellationToken).ConfigureAwait(false);
        }

        // Observed by the client: the start is committed and visible through the API, not merely decided.
        return (TimeProvider.System.GetUtcNow() - sent).TotalMilliseconds;
    }
}
