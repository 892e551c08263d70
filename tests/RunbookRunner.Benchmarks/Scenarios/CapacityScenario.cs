using System.Diagnostics;
using RunbookRunner.Benchmarks.Harness;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>
/// Capacity: many runs parked on approvals. Server RSS once they are parked, the p99 of paging through
/// <c>GET /api/runs</c>, and the start-up of a node that must recover them (process start to <c>/readyz</c>).
/// </summary>
internal static class CapacityScenario
{
    public static async Task RunAsync(string label, string store, string token, BenchOptions options, FigureBook book, CancellationToken cancellationToken)
    {
        var parked = options.Parked ?? (options.Quick ? 1_000 : 10_000);
        var rss = new List<double>();
        var listP99 = new List<double>();
        var startup = new List<double>();
        var rssAfterRestart = new List<double>();
        var node = await ServeNode.StartAsync(store, "capacity", cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            node.UseToken(token);
            var created = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
                async () =>
                {
                    int n;
                    while ((n = Interlocked.Increment(ref created)) <= parked)
                    {
                        await BenchApi.StartAsync(node.Http, BenchRunbooks.Approval(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        if (n % 2_000 == 0)
                        {
                            Console.WriteLine($"  ({n} parked, RSS {node.RssMegabytes():0} MB)");
                        }
                    }
                },
                cancellationToken))).ConfigureAwait(false);
            Console.WriteLine($"  ({parked} runs parked on approvals in {clock.Elapsed.TotalSeconds:0.0} s)");

            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                rss.Add(node.RssMegabytes());
                listP99.Add(await ListP99Async(node, options.Quick ? 100 : 200, cancellationToken).ConfigureAwait(false));

                // A node that stops and starts again must recover every unfinished run before it is ready.
                await node.DisposeAsync().ConfigureAwait(false);
                node = await ServeNode.StartAsync(store, "capacity", cancellationToken: cancellationToken).ConfigureAwait(false);
                node.UseToken(token);
                startup.Add(node.Startup.TotalSeconds);
                rssAfterRestart.Add(node.RssMegabytes());
            }
        }
        finally
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        var what = $"{parked:N0} runs parked on approvals";
        book.Add($"capacity.{label}.rss", "MB", rss, target: 300, note: what + ", node that created them");
        book.Add($"capacity.{label}.rss_after_restart", "MB", rssAfterRestart, note: what + ", freshly recovered node");
        book.Add($"capacity.{label}.list_p99", "ms", listP99, target: 100, note: "GET /api/runs?limit=50, paged through with the cursor");
        book.Add($"capacity.{label}.recovery_startup", "s", startup, target: 10, note: "process start to /readyz ready (start-up recovery sweep done)");
    }

    private static async Task<double> ListP99Async(ServeNode node, int requests, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        string? cursor = null;
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await BenchApi.ListAsync(node.Http, cursor, 50, cancellationToken).ConfigureAwait(false);
            samples.Add(clock.Elapsed.TotalMilliseconds);
            cursor = page.NextCursor;
        }

        return Stats.Percentile(samples, 99);
    }
}
