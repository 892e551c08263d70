using System.Diagnostics;
using RunbookRunner.Benchmarks.Harness;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>
/// Engine throughput: clients start runs of empty steps back to back for a fixed time; steps per second is
/// completed runs times steps per run over the time. On PostgreSQL, pgbench runs with the same client count
/// on the same database in the same repetition, and the figure is also given as a ratio of its TPS.
/// </summary>
internal static class ThroughputScenario
{
    public const int StepsPerRun = 20;

    public static async Task RunAsync(
        string label, ServeNode node, (string ConnectionString, string Database)? postgres, BenchOptions options, FigureBook book, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(options.Quick ? 4 : 10);
        foreach (var clients in new[] { 1, 8 })
        {
            var steps = new List<double>();
            var runs = new List<double>();
            var tps = new List<double>();
            var ratios = new List<double>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                var (stepsPerSecond, runsPerSecond) = await MeasureAsync(node, clients, duration, cancellationToken).ConfigureAwait(false);
                steps.Add(stepsPerSecond);
                runs.Add(runsPerSecond);
                if (postgres is { } pg)
                {
                    var reference = await Pgbench.TpsAsync(pg.ConnectionString, pg.Database, clients, duration, cancellationToken).ConfigureAwait(false);
                    tps.Add(reference);
                    ratios.Add(stepsPerSecond / reference);
                }
            }

            var what = $"{clients} concurrent client(s) starting runs of {StepsPerRun} `wait: 0s` steps for {duration.TotalSeconds:0} s";
            book.Add($"throughput.{label}.c{clients}.steps_per_s", "steps/s", steps, note: what);
            book.Add($"throughput.{label}.c{clients}.runs_per_s", "runs/s", runs, note: what);
            if (postgres is not null)
            {
                book.Add($"throughput.{label}.c{clients}.pgbench_tps", "tps", tps, reference: "pgbench -c N, one single-row INSERT per transaction, same database, same repetition");
                book.Add($"throughput.{label}.c{clients}.ratio", "x pgbench", ratios, target: clients == 8 ? 0.25 : null, lowerIsBetter: false, reference: "steps/s divided by pgbench TPS of the same repetition");
            }
        }
    }

    private static async Task<(double Steps, double Runs)> MeasureAsync(ServeNode node, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var yaml = BenchRunbooks.Empty(StepsPerRun);
        var completed = 0;
        var pending = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                while (clock.Elapsed < duration)
                {
                    var run = await BenchApi.StartAsync(node.Http, yaml, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (run.State == RunStates.Succeeded)
                    {
                        Interlocked.Increment(ref completed);
                    }
                    else
                    {
                        pending.Add(run.Id);
                    }
                }
            },
            cancellationToken))).ConfigureAwait(false);
        foreach (var id in pending)
        {
            await BenchApi.WaitForAsync(node.Http, id, r => r.State == RunStates.Succeeded, TimeSpan.FromSeconds(60), cancellationToken: cancellationToken).ConfigureAwait(false);
            completed++;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        return (completed * StepsPerRun / elapsed, completed / elapsed);
    }
}
