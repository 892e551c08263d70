using FluentAssertions;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task SetAsync_SeveralKeys_ReadBackByKeyAndAllFromAnotherNode()
    {
        var run = (await CreateRunAsync()).RunId;

        await Storage.NarrationState.SetAsync("slack", run, new Dictionary<string, string> { ["status"] = "C0WAR 1700000001.000001", ["seq"] = "3" });

        var other = Open().NarrationState;
        (await other.GetAsync("slack", run, "status")).Should().Be("C0WAR 1700000001.000001");
        (await other.GetAllAsync("slack", run)).Should().BeEquivalentTo(new Dictionary<string, string> { ["status"] = "C0WAR 1700000001.000001", ["seq"] = "3" });
        (await other.GetAsync("slack", run, "missing")).Should().BeNull();
    }

    [Fact]
    public async Task SetAsync_ExistingKey_ReplacesValueOnlyForThatTargetAndRun()
    {
        var run = (await CreateRunAsync()).RunId;
        var otherRun = (await CreateRunAsync()).RunId;
        await Storage.NarrationState.SetAsync("slack", run, new Dictionary<string, string> { ["seq"] = "3" });
        await Storage.NarrationState.SetAsync("slack", otherRun, new Dictionary<string, string> { ["seq"] = "9" });
        await Storage.NarrationState.SetAsync("teams", run, new Dictionary<string, string> { ["seq"] = "1" });

        await Storage.NarrationState.SetAsync("slack", run, new Dictionary<string, string> { ["seq"] = "4" });

        (await Storage.NarrationState.GetAsync("slack", run, "seq")).Should().Be("4");
        (await Storage.NarrationState.GetAsync("slack", otherRun, "seq")).Should().Be("9");
        (await Storage.NarrationState.GetAsync("teams", run, "seq")).Should().Be("1");
    }

    [Fact]
    public async Task TryAddAsync_ConcurrentWritersOfOneKey_ExactlyOneWinsAndItsValueStays()
    {
        var run = (await CreateRunAsync()).RunId;
        var nodes = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        var results = await Task.WhenAll(nodes.Select((node, i) => Task.Run(() => node.NarrationState.TryAddAsync("slack", run, "status", $"ts-{i}")))).WaitAsync(Bound);

        results.Count(added => added).Should().Be(1);
        var winner = Array.IndexOf(results, true);
        (await Storage.NarrationState.GetAsync("slack", run, "status")).Should().Be($"ts-{winner}");
    }

    [Fact]
    public async Task DeleteRunAsync_RunWithKeys_ForgetsThemAndLeavesOtherTargets()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.NarrationState.SetAsync("slack", run, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        await Storage.NarrationState.SetAsync("teams", run, new Dictionary<string, string> { ["a"] = "1" });

        var removed = await Storage.NarrationState.DeleteRunAsync("slack", run);

        removed.Should().Be(2);
        (await Storage.NarrationState.GetAllAsync("slack", run)).Should().BeEmpty();
        (await Storage.NarrationState.GetAllAsync("teams", run)).Should().ContainKey("a");
    }
}
