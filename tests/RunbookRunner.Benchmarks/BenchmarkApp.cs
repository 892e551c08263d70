using RunbookRunner.Benchmarks.Harness;
using RunbookRunner.Benchmarks.Micro;
using RunbookRunner.Benchmarks.Scenarios;
using RunbookRunner.Benchmarks.Slack;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Benchmarks;

/// <summary>Runs the micro-benchmarks and the black-box scenarios, prints every figure, writes the JSON report.</summary>
internal static class BenchmarkApp
{
    private static readonly Dictionary<string, string> NoSlack = [];

    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var cancellationToken = stop.Token;
        var loadAtStart = MachineInfo.LoadAverage();
        Console.WriteLine($"RunbookRunner benchmarks ({(options.Quick ? "quick" : "full")}, {options.Repetitions} repetitions), CLI {RepoPaths.CliDll}, load average {loadAtStart}");
        var book = new FigureBook();
        var scratch = Directory.CreateTempSubdirectory("runbook-bench-").FullName;
        try
        {
            if (options.Runs("micro"))
            {
                Console.WriteLine("micro-benchmarks (BenchmarkDotNet, in process)");
                MicroScenario.Run(options, book);
            }

            if (options.Runs("cli"))
            {
                Console.WriteLine("CLI");
                await CliScenario.RunAsync(options, book, cancellationToken).ConfigureAwait(false);
            }

            if (options.Runs("lateness") || options.Runs("throughput") || options.Runs("approval") || options.Runs("narration"))
            {
                Console.WriteLine("serve on SQLite");
                await SqliteAsync(options, book, scratch, cancellationToken).ConfigureAwait(false);
            }

            if (options.Runs("lateness") || options.Runs("throughput") || options.Runs("approval") || options.Runs("capacity"))
            {
                Console.WriteLine("serve on PostgreSQL 15 (throwaway cluster on loopback)");
                await PostgresAsync(options, book, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        var machine = MachineInfo.Describe(loadAtStart, TimeProvider.System);
        Console.WriteLine($"machine: {machine}");
        if (options.JsonPath is { } path)
        {
            await book.WriteJsonAsync(path, machine, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"wrote {book.Figures.Count} figures to {path}");
        }

        var missed = book.Figures.Where(f => f.Met == false).Select(f => f.Name).ToList();
        Console.WriteLine(missed.Count == 0 ? "every target met" : $"targets missed: {string.Join(", ", missed)}");
        return 0;
    }

    private static async Task SqliteAsync(BenchOptions options, FigureBook book, string scratch, CancellationToken cancellationToken)
    {
        if (options.Runs("lateness") || options.Runs("throughput"))
        {
            var store = Stores.NewSqlite(scratch);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            await using var node = await ServeNode.StartAsync(store, "sqlite-a", NoSlack, cancellationToken).ConfigureAwait(false);
            node.UseToken(token);
            if (options.Runs("lateness"))
            {
                await LatenessScenario.RunAsync("sqlite.1node", [node], options, book, 50, 250, cancellationToken).ConfigureAwait(false);
            }

            if (options.Runs("throughput"))
            {
                await ThroughputScenario.RunAsync("sqlite", node, null, options, book, cancellationToken).ConfigureAwait(false);
            }
        }

        if (options.Runs("approval"))
        {
            var store = Stores.NewSqlite(scratch);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            await using var slack = await FakeSlack.StartAsync(cancellationToken).ConfigureAwait(false);
            await using var node = await ServeNode.StartAsync(store, "sqlite-slack", SlackEnvironment(slack), cancellationToken).ConfigureAwait(false);
            node.UseToken(token);
            await ApprovalScenario.RunAsync("sqlite", node, slack, options, book, cancellationToken).ConfigureAwait(false);
        }

        if (options.Runs("narration"))
        {
            // A node of its own: the approval runs' narration backlog would otherwise delay this one's.
            var store = Stores.NewSqlite(scratch);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            await using var slack = await FakeSlack.StartAsync(cancellationToken).ConfigureAwait(false);
            await using var node = await ServeNode.StartAsync(store, "sqlite-narration", SlackEnvironment(slack), cancellationToken).ConfigureAwait(false);
            node.UseToken(token);
            await NarrationScenario.RunAsync("sqlite", node, slack, options, book, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task PostgresAsync(BenchOptions options, FigureBook book, CancellationToken cancellationToken)
    {
        await using var cluster = await PostgresCluster.StartNewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (options.Runs("lateness") || options.Runs("throughput"))
        {
            var (store, connection, database) = await Stores.NewPostgresAsync(cluster, cancellationToken).ConfigureAwait(false);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            await using var node = await ServeNode.StartAsync(store, "pg-a", NoSlack, cancellationToken).ConfigureAwait(false);
            node.UseToken(token);
            if (options.Runs("lateness"))
            {
                await LatenessScenario.RunAsync("postgres.1node", [node], options, book, 50, 250, cancellationToken).ConfigureAwait(false);
            }

            if (options.Runs("throughput"))
            {
                await ThroughputScenario.RunAsync("postgres", node, (connection, database), options, book, cancellationToken).ConfigureAwait(false);
            }
        }

        if (options.Runs("lateness"))
        {
            var (store, _, _) = await Stores.NewPostgresAsync(cluster, cancellationToken).ConfigureAwait(false);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            var nodes = new List<ServeNode>();
            try
            {
                foreach (var id in new[] { "pg-n1", "pg-n2", "pg-n3" })
                {
                    var node = await ServeNode.StartAsync(store, id, NoSlack, cancellationToken).ConfigureAwait(false);
                    node.UseToken(token);
                    nodes.Add(node);
                }

                await LatenessScenario.RunAsync("postgres.3nodes", nodes, options, book, null, 1000, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        if (options.Runs("approval"))
        {
            var (store, _, _) = await Stores.NewPostgresAsync(cluster, cancellationToken).ConfigureAwait(false);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            await using var slack = await FakeSlack.StartAsync(cancellationToken).ConfigureAwait(false);
            await using var node = await ServeNode.StartAsync(store, "pg-slack", SlackEnvironment(slack), cancellationToken).ConfigureAwait(false);
            node.UseToken(token);
            await ApprovalScenario.RunAsync("postgres", node, slack, options, book, cancellationToken).ConfigureAwait(false);
        }

        if (options.Runs("capacity"))
        {
            var (store, _, _) = await Stores.NewPostgresAsync(cluster, cancellationToken).ConfigureAwait(false);
            var token = await Stores.CreateTokenAsync(store, BenchRunbooks.Approver, cancellationToken).ConfigureAwait(false);
            await CapacityScenario.RunAsync("postgres", store, token, options, book, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, string> SlackEnvironment(FakeSlack slack) => new()
    {
        ["Slack__BotToken"] = "xoxb-bench",
        ["Slack__SigningSecret"] = ApprovalScenario.SigningSecret,
        ["Slack__ApiBaseUrl"] = slack.ApiBase.ToString(),
    };
}
