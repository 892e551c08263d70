using System.Diagnostics;
using System.Net;
using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Database;

/// <summary>PostgreSQL stopped (fast shutdown: connections cut) and started again under two running nodes.</summary>
[Collection(FaultCollections.PostgresRestart)]
public sealed class PostgresRestartTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Runs = 10;

    [Fact]
    public async Task Postgres_RestartedMidRun_ReadinessGoesRedThenGreenAndEveryRunCompletes()
    {
        using var work = new WorkDirectory("pg-restart");
        var store = "postgres:" + await postgres.CreateDatabaseAsync();
        var ledger = work.File("ledger.txt");
        var token = await RunbookCli.CreateAdminTokenAsync(store);
        await using var cluster = await ClusterNodes.StartAsync(store, work.Path, "node-a", "node-b");
        await Task.WhenAll(cluster.Nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromSeconds(90))));
        using var apiA = new FaultApi(cluster.Nodes[0].Url, token);
        using var apiB = new FaultApi(cluster.Nodes[1].Url, token);
        var yaml = FaultRunbooks.Ledger("pg-restart", ledger, "nwnwnwn");
        var runs = new List<string>();
        for (var i = 0; i < Runs; i++)
        {
            runs.Add((await (i % 2 == 0 ? apiA : apiB).StartAsync(yaml, $"pg-restart-{i}")).Id);
        }

        await Eventually.UntilAsync(
            () => Task.FromResult(LedgerLine.ReadAll(ledger).Count >= Runs + 2),
            TimeSpan.FromSeconds(60),
            () => "the runs did not get going");
        var journals = new JournalCheck();
        foreach (var run in runs)
        {
            journals.Check(run, await apiA.GetEventsAsync(run));
        }

        // The outage lasts until every node has noticed it (readiness red) and refused new work.
        var outage = Stopwatch.StartNew();
        await postgres.Cluster.StopAsync();
        var redAfter = new List<TimeSpan>();
        foreach (var node in cluster.Nodes)
        {
            await Eventually.UntilAsync(() => IsReadyAsync(node, expected: false), TimeSpan.FromSeconds(30), () => $"{node.NodeId} stayed ready with the database down");
            redAfter.Add(outage.Elapsed);
        }

        using var refused = await apiA.PostStartAsync(yaml);
        var problem = await FaultApi.ProblemAsync(refused);
        var linesDuringOutage = LedgerLine.ReadAll(ledger).Count;
        await postgres.Cluster.StartAsync();
        var downFor = outage.Elapsed;
        var restarted = Stopwatch.StartNew();
        foreach (var node in cluster.Nodes)
        {
            await Eventually.UntilAsync(() => IsReadyAsync(node, expected: true), TimeSpan.FromSeconds(60), () => $"{node.NodeId} did not become ready again");
        }

        var greenAfter = restarted.Elapsed;
        var person = new Operator(ledger);
        var pass = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                await person.PassAsync(pass++ % 2 == 0 ? apiA : apiB, runs);
                return runs.All(person.Ended.Contains);
            },
            TimeSpan.FromSeconds(240),
            () => $"runs not ended: {string.Join(", ", runs.Where(r => !person.Ended.Contains(r)))}; failures: {string.Join("; ", person.Failures)}");
        var allDone = restarted.Elapsed;
        var verification = await RunVerifier.VerifyAsync(apiB, runs, ledger, journals);

        var report = new FaultReport("PostgreSQL restarted under two nodes");
        report.Add("runs in flight", Runs);
        report.Add("database down for", $"{downFor.TotalSeconds:0.0} s (stopped with pg_ctl -m fast, started once both nodes reported not ready)");
        report.Add("readiness red after", string.Join(", ", redAfter.Select(t => $"{t.TotalSeconds:0.0} s")));
        report.Add("start refused during the outage", $"{(int)refused.StatusCode} {problem?.Code}: {problem?.Detail}");
        report.Add("readiness green again after restart", $"{greenAfter.TotalSeconds:0.0} s");
        report.Add("every run ended after restart", $"{allDone.TotalSeconds:0} s");
        report.Add("runs succeeded", verification.Succeeded);
        report.Add("interrupted / failed steps (should be none)", $"{person.InterruptedSeen} / {person.Failures.Count}");
        report.Add("step executions per node", verification.ExecutionsText);
        report.Add("problems", verification.Problems.Count == 0 ? "none" : string.Join("; ", verification.Problems));
        var text = report.Write(output);

        using (new AssertionScope())
        {
            verification.Problems.Should().BeEmpty(text);
            person.Failures.Should().BeEmpty("the nodes ride a database restart out");
            person.InterruptedSeen.Should().Be(0, "no node died");
            verification.Succeeded.Should().Be(Runs);
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            problem!.Code.Should().Be(ProblemCodes.StoreUnavailable);
            LedgerLine.ReadAll(ledger).Count.Should().BeGreaterThan(linesDuringOutage, "runs went on after the restart");
        }

        work.Passed = true;
    }

    private static async Task<bool> IsReadyAsync(ServeNode node, bool expected)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri(node.Url + "/readyz"));
        return response.IsSuccessStatusCode == expected;
    }
}
