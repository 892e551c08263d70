using RunbookRunner.Benchmarks.Harness;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>
/// Timed-step lateness: runs of independent empty steps anchored a second apart; lateness is the step's
/// recorded start minus its anchor (T0 + offset), both on the server's clock. Runs are started round-robin
/// over the nodes, so in a cluster wakes are stored by one node and may fire on any.
/// </summary>
internal static class LatenessScenario
{
    private const int FirstSecond = 3;
    private const int Spacing = 1;

    public static async Task RunAsync(string label, IReadOnlyList<ServeNode> nodes, BenchOptions options, FigureBook book, double? p50Target, double? maxTarget, CancellationToken cancellationToken)
    {
        var runs = options.Quick ? 2 : 4;
        var steps = options.Quick ? 5 : 10;
        var yaml = BenchRunbooks.Timed(steps, FirstSecond, Spacing);
        var p50 = new List<double>();
        var p99 = new List<double>();
        var max = new List<double>();
        for (var rep = 0; rep < options.Repetitions; rep++)
        {
            var started = new List<(ServeNode Node, RunDto Run)>();
            for (var i = 0; i < runs; i++)
            {
                var node = nodes[i % nodes.Count];
                started.Add((node, await BenchApi.StartAsync(node.Http, yaml, cancellationToken: cancellationToken).ConfigureAwait(false)));
            }

            var samples = new List<double>();
            foreach (var (node, run) in started)
            {
                var end = await BenchApi.WaitForAsync(node.Http, run.Id, r => r.State is RunStates.Succeeded or RunStates.Failed or RunStates.Aborted, TimeSpan.FromSeconds(FirstSecond + (steps * Spacing) + 60), TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                if (end.State != RunStates.Succeeded)
                {
                    throw new InvalidOperationException($"lateness run {end.Id} ended {end.State}: {end.EndReason}");
                }

                samples.AddRange(end.Steps.Select(s => (s.StartedAt!.Value - (end.T0 + BenchRunbooks.OffsetOf(s.Id, FirstSecond, Spacing))).TotalMilliseconds));
            }

            p50.Add(Stats.Percentile(samples, 50));
            p99.Add(Stats.Percentile(samples, 99));
            max.Add(Stats.Max(samples));
        }

        var what = $"{runs} runs x {steps} timed steps per repetition";
        book.Add($"lateness.{label}.p50", "ms", p50, target: p50Target, reference: "Hangfire default polling: up to 15,000 ms", note: what);
        book.Add($"lateness.{label}.p99", "ms", p99, note: what);
        book.Add($"lateness.{label}.max", "ms", max, target: maxTarget, note: what);
    }
}
