using System.Collections.Concurrent;
using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClaimNextAsync_MessagesOfSeveralRuns_ComeInCommitOrderPerRun()
    {
        var a = await CreateRunWithOutboxAsync("a1", "a2");
        var b = await CreateRunWithOutboxAsync("b1");
        await Storage.Runs.AppendAsync(a, 1, Narration("a3"));

        var claimed = await Storage.Outbox.ClaimNextAsync("node-1", 10, Lease);

        claimed.Select(m => m.PayloadJson).Should().Equal(Payload("a1"), Payload("a2"), Payload("b1"), Payload("a3"));
        claimed.Should().BeInAscendingOrder(m => m.Id);
        claimed.Should().AllSatisfy(m => m.ClaimedUntil.Should().Be(Time.GetUtcNow() + Lease));
        claimed.Where(m => m.RunId == b).Should().ContainSingle().Which.Target.Should().Be("slack");
    }

    [Fact]
    public async Task ClaimNextAsync_EarlierMessageOfRunStillClaimed_HoldsBackLaterOnes()
    {
        var a = await CreateRunWithOutboxAsync("a1", "a2", "a3");
        var b = await CreateRunWithOutboxAsync("b1");

        var first = await Storage.Outbox.ClaimNextAsync("node-1", 1, Lease);
        var second = await Open().Outbox.ClaimNextAsync("node-2", 10, Lease);

        first.Should().ContainSingle().Which.PayloadJson.Should().Be(Payload("a1"));
        second.Should().ContainSingle().Which.RunId.Should().Be(b, "run a's later messages wait until a1 is delivered");
        (await Storage.Outbox.CompleteAsync(first[0].Id, "node-1")).Should().BeTrue();
        (await Open().Outbox.ClaimNextAsync("node-2", 10, Lease)).Select(m => m.PayloadJson).Should().Equal(Payload("a2"), Payload("a3"));
        a.Should().NotBe(b);
    }

    [Fact]
    public async Task ClaimNextAsync_TargetsOfOneRun_AreOrderedIndependently()
    {
        var created = await CreateRunAsync();
        await Storage.Runs.AppendAsync(created.RunId, 1, TestData.Events(Time, "StepStarted") with
        {
            Outbox = [new NewOutboxMessage("slack", "thread", Payload("s1")), new NewOutboxMessage("console", "line", Payload("c1")), new NewOutboxMessage("slack", "thread", Payload("s2"))],
        });
        var slackFirst = await Storage.Outbox.ClaimNextAsync("node-1", 1, Lease);

        var rest = await Storage.Outbox.ClaimNextAsync("node-2", 10, Lease);

        slackFirst.Single().PayloadJson.Should().Be(Payload("s1"));
        rest.Should().ContainSingle().Which.PayloadJson.Should().Be(Payload("c1"));
    }

    [Fact]
    public async Task ClaimNextAsync_LeaseExpired_AnotherNodeTakesOverAndOldCompletionIsRefused()
    {
        await CreateRunWithOutboxAsync("a1");
        var first = await Storage.Outbox.ClaimNextAsync("node-1", 10, Lease);
        (await Storage.Outbox.ClaimNextAsync("node-2", 10, Lease)).Should().BeEmpty("the lease is live");

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var takenOver = await Storage.Outbox.ClaimNextAsync("node-2", 10, Lease);

        takenOver.Should().ContainSingle().Which.Id.Should().Be(first[0].Id);
        (await Storage.Outbox.CompleteAsync(first[0].Id, "node-1")).Should().BeFalse();
        (await Storage.Outbox.CompleteAsync(first[0].Id, "node-2")).Should().BeTrue();
        (await Storage.Outbox.GetBacklogAsync()).Pending.Should().Be(0);
    }

    [Fact]
    public async Task CompleteManyAsync_Batch_MarksOnlyThisNodesClaimsDelivered()
    {
        await CreateRunWithOutboxAsync("a1", "a2");
        await CreateRunWithOutboxAsync("b1");
        var mine = await Storage.Outbox.ClaimNextAsync("node-1", 2, Lease);
        var theirs = await Open().Outbox.ClaimNextAsync("node-2", 10, Lease);

        var completed = await Storage.Outbox.CompleteManyAsync([.. mine.Select(m => m.Id), .. theirs.Select(m => m.Id)], "node-1");

        completed.Should().Be(2, "node-2's claim is not node-1's to complete");
        (await Storage.Outbox.GetBacklogAsync()).Pending.Should().Be(1);
        (await Storage.Outbox.CompleteManyAsync([], "node-1")).Should().Be(0);
    }

    [Fact]
    public async Task FailAsync_RetryTime_HoldsTheRunsMessagesUntilDue()
    {
        await CreateRunWithOutboxAsync("a1", "a2");
        var other = await CreateRunWithOutboxAsync("b1");
        var claimed = await Storage.Outbox.ClaimNextAsync("node-1", 10, Lease);
        claimed.Select(m => m.PayloadJson).Should().Equal(Payload("a1"), Payload("a2"), Payload("b1"));

        (await Storage.Outbox.FailAsync(claimed[0].Id, "node-1", Time.GetUtcNow() + TimeSpan.FromMinutes(1), "HTTP 429 ratelimited")).Should().BeTrue();
        (await Storage.Outbox.CompleteAsync(claimed[2].Id, "node-1")).Should().BeTrue();
        var whileWaiting = await Storage.Outbox.ClaimNextAsync("node-2", 10, Lease);
        Time.Advance(TimeSpan.FromMinutes(1));
        var afterRetryTime = await Storage.Outbox.ClaimNextAsync("node-2", 10, Lease);

        whileWaiting.Should().BeEmpty("a1 waits for its retry time and a2 must not overtake it");
        afterRetryTime.Select(m => m.PayloadJson).Should().Equal(Payload("a1"), Payload("a2"));
        afterRetryTime[0].Attempts.Should().Be(1);
        afterRetryTime[0].LastError.Should().Be("HTTP 429 ratelimited");
        afterRetryTime[1].Attempts.Should().Be(0);
        other.Should().NotBeNull();
    }

    [Fact]
    public async Task ClaimNextAsync_SkippedRuns_StayUnclaimedAndInOrderForLater()
    {
        var a = await CreateRunWithOutboxAsync("a1", "a2");
        var b = await CreateRunWithOutboxAsync("b1", "b2");
        var c = await CreateRunWithOutboxAsync("c1");
        await Storage.Outbox.EnqueueAsync(null, [new NewOutboxMessage("slack", "notice", Payload("n1"))]);

        var first = await Storage.Outbox.ClaimNextAsync("node-1", 10, Lease, [a, c, ""]);
        var second = await Storage.Outbox.ClaimNextAsync("node-1", 10, Lease, []);

        first.Select(m => m.PayloadJson).Should().Equal(Payload("b1"), Payload("b2"));
        second.Select(m => m.PayloadJson).Should().Equal(Payload("a1"), Payload("a2"), Payload("c1"), Payload("n1"));
        b.Should().NotBe(a);
    }

    [Fact]
    public async Task EnqueueAsync_MessagesWithoutRun_AreClaimedWithNullRunId()
    {
        await Storage.Outbox.EnqueueAsync(null, [new NewOutboxMessage("slack", "notice", Payload("token created"))]);

        var claimed = await Storage.Outbox.ClaimNextAsync("node-1", 10, Lease);

        claimed.Should().ContainSingle().Which.RunId.Should().BeNull();
        var backlog = await Storage.Outbox.GetBacklogAsync();
        backlog.Should().Be(new OutboxBacklog(1, Time.GetUtcNow()));
    }

    [Fact]
    public async Task ClaimNextAsync_CompetingNodes_DeliverEachMessageOnceAndInOrderPerRun()
    {
        const int runs = 4;
        const int perRun = 12;
        var runIds = new List<string>();
        for (var r = 0; r < runs; r++)
        {
            var id = await CreateRunWithOutboxAsync();
            runIds.Add(id);
            for (var i = 0; i < perRun; i++)
            {
                await Storage.Runs.AppendAsync(id, i + 1, Narration($"{r}:{i}"));
            }
        }

        var delivered = new ConcurrentQueue<(string Run, string Payload, string Node)>();
        var nodes = Enumerable.Range(0, 4).Select(n => (Name: $"node-{n}", Storage: Open())).ToList();
        var workers = nodes.Select(node => Task.Run(async () =>
        {
            var idle = 0;
            while (idle < 20)
            {
                var batch = await node.Storage.Outbox.ClaimNextAsync(node.Name, 3, Lease);
                idle = batch.Count == 0 ? idle + 1 : 0;
                foreach (var message in batch)
                {
                    delivered.Enqueue((message.RunId!, message.PayloadJson, node.Name));
                    (await node.Storage.Outbox.CompleteAsync(message.Id, node.Name)).Should().BeTrue();
                }

                await Task.Yield();
            }
        })).ToList();
        await Task.WhenAll(workers).WaitAsync(Bound);

        var all = delivered.ToList();
        all.Should().HaveCount(runs * perRun).And.OnlyHaveUniqueItems(d => d.Payload);
        foreach (var (runId, r) in runIds.Select((id, r) => (id, r)))
        {
            all.Where(d => d.Run == runId).Select(d => d.Payload)
                .Should().Equal(Enumerable.Range(0, perRun).Select(i => Payload($"{r}:{i}")), "messages of one run are delivered in order");
        }

        (await Storage.Outbox.GetBacklogAsync()).Pending.Should().Be(0);
    }

    private static string Payload(string text) => $$"""{"text":"{{text}}"}""";

    private AppendBatch Narration(string text) =>
        TestData.Events(Time, "Narrated") with { Outbox = [new NewOutboxMessage("slack", "thread", Payload(text))] };

    private async Task<string> CreateRunWithOutboxAsync(params string[] texts)
    {
        var run = TestData.Run(Time);
        await Storage.Runs.CreateRunAsync(run, TestData.Events(Time, "RunCreated") with
        {
            Outbox = [.. texts.Select(t => new NewOutboxMessage("slack", "thread", Payload(t)))],
        });
        return run.Id;
    }
}
