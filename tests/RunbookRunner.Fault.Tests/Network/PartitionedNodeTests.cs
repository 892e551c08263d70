using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Network;

/// <summary>
/// Two nodes on one PostgreSQL; one reaches it through a relay that the test cuts while that node runs a step that
/// is not idempotent. The node is alive but cut off: the other node takes the step over as interrupted, so the cut
/// off node must have stopped it first, or a person's Retry would run it twice.
/// </summary>
[Collection(FaultCollections.PostgresCluster)]
public sealed partial class PartitionedNodeTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int StepSeconds = 15;

    [Fact]
    public async Task Partition_NodeCutOffInsideANonIdempotentStep_StopsItBeforeTheTakeOverSoRetryRunsItOnce()
    {
        using var work = new WorkDirectory("partition");
        var connection = await postgres.CreateDatabaseAsync();
        await using var relay = TcpProxy.Start(postgres.Cluster.Port);
        var viaRelay = PortSetting().Replace(connection, $"Port={relay.Port}");
        var ledger = work.File("ledger.txt");
        var token = await RunbookCli.CreateAdminTokenAsync("postgres:" + connection);
        await using var cutOff = await ServeNode.StartAsync("postgres:" + viaRelay, "node-a", work.Path, ClusterNodes.FastFailover);
        await using var other = await ServeNode.StartAsync("postgres:" + connection, "node-b", work.Path, ClusterNodes.FastFailover);
        await Task.WhenAll(cutOff.WaitReadyAsync(TimeSpan.FromSeconds(90)), other.WaitReadyAsync(TimeSpan.FromSeconds(90)));
        using var apiA = new FaultApi(cutOff.Url, token);
        using var apiB = new FaultApi(other.Url, token);
        var yaml = $"""
            name: partition
            defaults: {"{"} on_failure: pause, timeout: 2m {"}"}
            steps:
              - id: migrate
                action: shell
                idempotent: false
                with:
                  run: |
                    echo "start $FAULT_NODE" >> '{ledger}'
                    sleep {StepSeconds}
                    echo "end $FAULT_NODE" >> '{ledger}'
            """;

        var run = await apiA.StartAsync(yaml, "partition-1");
        await Eventually.UntilAsync(() => Task.FromResult(Lines(ledger).Contains("start node-a")), TimeSpan.FromSeconds(30), () => "node-a did not start the step");
        var stepStarted = Stopwatch.StartNew();
        await relay.CutAsync();
        await Eventually.UntilAsync(
            async () => (await apiB.GetRunAsync(run.Id)).Steps.Single().State == StepStates.Interrupted,
            TimeSpan.FromSeconds(60),
            () => "node-b never took the cut-off node's step over");
        var takenOverAfter = stepStarted.Elapsed;

        // Past the moment the step would have ended had it kept running on the cut-off node.
        await Task.Delay(TimeSpan.FromSeconds(StepSeconds + 3) - stepStarted.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        var afterTakeOver = Lines(ledger);
        relay.Restore();
        await cutOff.WaitReadyAsync(TimeSpan.FromSeconds(60));
        var retried = await apiB.StepAsync(run.Id, "migrate", "retry");
        RunDto? end = null;
        await Eventually.UntilAsync(
            async () => (end = await apiB.GetRunAsync(run.Id)).State is RunStates.Succeeded or RunStates.Failed or RunStates.Aborted,
            TimeSpan.FromSeconds(60),
            () => $"the retried run did not end: {end?.State}");
        var lines = Lines(ledger);

        var report = new FaultReport("a node cut off from PostgreSQL inside a non-idempotent step");
        report.Add("cut", $"{StepSeconds} s step; relay between node-a and PostgreSQL reset after the step began");
        report.Add("taken over by node-b as interrupted after", $"{takenOverAfter.TotalSeconds:0.0} s");
        report.Add("ledger", string.Join(" | ", lines));
        var text = report.Write(output);
        using (new AssertionScope())
        {
            afterTakeOver.Should().Equal(["start node-a"], "the cut-off node stopped its step: it never reached its end. " + text);
            cutOff.Output.Should().Contain("No heartbeat for", "the node says why it stopped its actions");
            retried.Should().Be(HttpStatusCode.OK);
            end!.State.Should().Be(RunStates.Succeeded);
            lines.Should().Equal(["start node-a", "start node-b", "end node-b"], "the retry ran the step once, on the node that could reach the database");
        }

        work.Passed = true;
    }

    private static List<string> Lines(string path) => File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : [];

    [GeneratedRegex(@"Port=\d+", RegexOptions.IgnoreCase)]
    private static partial Regex PortSetting();
}
