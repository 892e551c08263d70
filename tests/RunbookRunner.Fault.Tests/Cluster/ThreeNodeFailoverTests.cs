using System.Diagnostics;
using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Cluster;

/// <summary>Three <c>runbook serve</c> nodes on one PostgreSQL; one is killed (kill -9, whole tree) inside a step.</summary>
[Collection(FaultCollections.PostgresCluster)]
public sealed class ThreeNodeFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Runs = 20;

    [Fact]
    public async Task ThreeNodes_OneKilledInsideAStep_EveryRunCompletesOnTheOthersAndNoAttemptRunsTwice()
    {
        using var work = new WorkDirectory("cluster");
        var store = "postgres:" + await postgres.CreateDatabaseAsync();
        var ledger = work.File("ledger.txt");
        var token = await RunbookCli.CreateAdminTokenAsync(store);
        await using var cluster = await ClusterNodes.StartAsync(store, work.Path, "node-a", "node-b", "node-c");
        await Task.WhenAll(cluster.Nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromSeconds(90))));
        var apis = cluster.Nodes.ToDictionary(n => n.NodeId, n => new FaultApi(n.Url, token));
        var report = new FaultReport("three nodes on one PostgreSQL, one killed mid-run");
        try
        {
            // Steps linger 1 s after their line, so a kill right after a line lands inside the step.
            var yaml = FaultRunbooks.Ledger("cluster", ledger, "nwnwnwn", linger: "1");
            var runs = new List<string>();
            for (var i = 0; i < Runs; i++)
            {
                // Spread the starts: each node begins some runs itself.
                runs.Add((await apis[cluster.Nodes[i % 3].NodeId].StartAsync(yaml, $"cluster-{i}")).Id);
            }

            // Kill node-a right after it appended a line: its step is still lingering, so the kill lands inside it.
            var victim = cluster["node-a"];
            var seenA = -1;
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var lines = LedgerLine.ReadAll(ledger);
                var a = lines.Count(l => l.Node == victim.NodeId);
                if (seenA >= 0 && a > seenA && lines.Count >= Runs / 2)
                {
                    break;
                }

                seenA = a;
                watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(90), "node-a should run steps");
                await Task.Delay(20);
            }

            await victim.KillAsync();
            var killedAt = Stopwatch.StartNew();
            var linesOfAAtKill = LedgerLine.ReadAll(ledger).Count(l => l.Node == victim.NodeId);
            apis.Remove(victim.NodeId, out var deadApi);
            deadApi!.Dispose();

            var person = new Operator(ledger);
            TimeSpan? firstTakeover = null;
            var survivors = apis.Values.ToList();
            var pass = 0;
            await Eventually.UntilAsync(
                async () =>
                {
                    await person.PassAsync(survivors[pass++ % survivors.Count], runs);
                    firstTakeover ??= person.InterruptedSeen > 0 ? killedAt.Elapsed : null;
                    return runs.All(person.Ended.Contains);
                },
                TimeSpan.FromSeconds(240),
                () => $"runs not ended: {string.Join(", ", runs.Where(r => !person.Ended.Contains(r)))}; failures: {string.Join("; ", person.Failures)}");

            var journals = new JournalCheck();
            var verification = await RunVerifier.VerifyAsync(survivors[0], runs, ledger, journals);
            var linesOfAAfter = LedgerLine.ReadAll(ledger).Count(l => l.Node == victim.NodeId);
            report.Add("nodes", "3 (node-a killed with kill -9 of its process tree inside a step)");
            report.Add("runs", Runs);
            report.Add("runs succeeded", verification.Succeeded);
            report.Add("step executions per node (ledger)", verification.ExecutionsText);
            report.Add("interrupted steps of node-a reported and paused for a person", person.InterruptedSeen);
            report.Add("... marked done / retried through the API", $"{person.MarkedDone} / {person.Retried}");
            report.Add("time from kill to the first interrupted step seen", firstTakeover is { } t ? $"{t.TotalSeconds:0.0} s" : "never");
            report.Add("time from kill to every run ended", $"{killedAt.Elapsed.TotalSeconds:0} s");
            report.Add("journal events checked (sequence, one start per attempt, node of each execution)", verification.Events);
            report.Add("problems", verification.Problems.Count + person.Failures.Count == 0 ? "none" : string.Join("; ", verification.Problems.Concat(person.Failures)));
            var text = report.Write(output);

            using (new AssertionScope())
            {
                verification.Problems.Should().BeEmpty(text);
                person.Failures.Should().BeEmpty();
                verification.Succeeded.Should().Be(Runs);
                linesOfAAfter.Should().Be(linesOfAAtKill, "a killed node runs nothing more");
                person.InterruptedSeen.Should().BePositive("node-a was killed inside a non-idempotent step, which another node reports as interrupted");
                verification.ExecutionsByNode.Keys.Should().Contain(["node-b", "node-c"], "the survivors carried the runs on");
            }

            work.Passed = true;
        }
        finally
        {
            foreach (var api in apis.Values)
            {
                api.Dispose();
            }
        }
    }
}
