using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TryAcquireAsync_FreeRun_GrantsToFirstNodeOnly()
    {
        var run = (await CreateRunAsync()).RunId;

        var first = await Storage.Leases.TryAcquireAsync(run, "node-1", Ttl);
        var second = await Storage.Leases.TryAcquireAsync(run, "node-2", Ttl);

        first.Should().Be(new RunLease(run, "node-1", Time.GetUtcNow() + Ttl, 1));
        second.Should().BeNull();
        (await Storage.Leases.GetAsync(run))!.NodeId.Should().Be("node-1");
    }

    [Fact]
    public async Task TryAcquireAsync_OwnLiveLease_ExtendsWithoutNewGeneration()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.Leases.TryAcquireAsync(run, "node-1", Ttl);
        Time.Advance(TimeSpan.FromSeconds(5));

        var again = await Storage.Leases.TryAcquireAsync(run, "node-1", Ttl);

        again.Should().Be(new RunLease(run, "node-1", Time.GetUtcNow() + Ttl, 1));
    }

    [Fact]
    public async Task TryAcquireAsync_ExpiredLease_IsTakenOverAndOldHolderCannotRenew()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.Leases.TryAcquireAsync(run, "node-1", Ttl);
        Time.Advance(Ttl);

        var takeover = await Storage.Leases.TryAcquireAsync(run, "node-2", Ttl);
        var staleRenewal = await Storage.Leases.RenewAsync(run, "node-1", Ttl);

        takeover.Should().Be(new RunLease(run, "node-2", Time.GetUtcNow() + Ttl, 2));
        staleRenewal.Should().BeNull();
        (await Storage.Leases.ReleaseAsync(run, "node-1")).Should().BeFalse();
    }

    [Fact]
    public async Task RenewAsync_LiveLease_ExtendsIt()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.Leases.TryAcquireAsync(run, "node-1", Ttl);
        Time.Advance(TimeSpan.FromSeconds(15));

        var renewed = await Storage.Leases.RenewAsync(run, "node-1", Ttl);
        Time.Advance(TimeSpan.FromSeconds(15));

        renewed!.ExpiresAt.Should().Be(Time.GetUtcNow() - TimeSpan.FromSeconds(15) + Ttl);
        (await Storage.Leases.TryAcquireAsync(run, "node-2", Ttl)).Should().BeNull("the renewed lease is still live");
    }

    [Fact]
    public async Task ReleaseAsync_OwnLease_LetsAnotherNodeAcquireAtOnce()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.Leases.TryAcquireAsync(run, "node-1", Ttl);

        (await Storage.Leases.ReleaseAsync(run, "node-1")).Should().BeTrue();
        var next = await Storage.Leases.TryAcquireAsync(run, "node-2", Ttl);

        next!.NodeId.Should().Be("node-2");
        next.Generation.Should().Be(2);
    }

    [Fact]
    public async Task ListClaimableRunIdsAsync_MixedRuns_ReturnsUnfinishedWithoutLiveLease()
    {
        var free = (await CreateRunAsync()).RunId;
        Time.Advance(TimeSpan.FromSeconds(1));
        var leased = (await CreateRunAsync()).RunId;
        Time.Advance(TimeSpan.FromSeconds(1));
        var expiring = (await CreateRunAsync()).RunId;
        Time.Advance(TimeSpan.FromSeconds(1));
        var finished = (await CreateRunAsync()).RunId;
        await Storage.Runs.AppendAsync(finished, 1, TestData.Events(Time, "RunSucceeded") with { Run = new RunSummaryUpdate("succeeded", true, TimeSpan.Zero, "{}") });
        await Storage.Leases.TryAcquireAsync(expiring, "node-1", TimeSpan.FromSeconds(5));
        await Storage.Leases.TryAcquireAsync(leased, "node-1", TimeSpan.FromMinutes(5));
        Time.Advance(TimeSpan.FromSeconds(10));

        var claimable = await Storage.Leases.ListClaimableRunIdsAsync();

        claimable.Should().Equal(free, expiring);
    }

    [Fact]
    public async Task TryAcquireAsync_ManyNodesRacing_ExactlyOneWins()
    {
        var run = (await CreateRunAsync()).RunId;
        var nodes = Enumerable.Range(0, 6).Select(_ => Open()).ToList();

        var leases = await Task.WhenAll(nodes.Select((node, i) => Task.Run(() => node.Leases.TryAcquireAsync(run, $"node-{i}", Ttl)))).WaitAsync(Bound);

        leases.Where(l => l is not null).Should().ContainSingle();
    }
}
