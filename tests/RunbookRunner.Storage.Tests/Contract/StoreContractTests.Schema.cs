using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothing()
    {
        var first = await Storage.MigrateAsync();
        var second = await Open().MigrateAsync();

        first.Should().Equal(1, 2);
        second.Should().BeEmpty();
        (await Storage.Migrator.GetAppliedVersionsAsync()).Should().Equal(1, 2);
    }

    [Fact]
    public async Task MigrateAsync_SeveralNodesStartingTogether_ApplyEachVersionOnce()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        var applied = await Task.WhenAll(nodes.Select(node => Task.Run(() => node.MigrateAsync()))).WaitAsync(Bound);

        applied.SelectMany(a => a).Order().Should().Equal(1, 2);
        (await QueryRawAsync("SELECT version FROM schema_migrations")).Should().HaveCount(2);
    }

    [Fact]
    public async Task AppendLinesAsync_SeveralSteps_ReadBackInOrderByRunOrStepWithCursor()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.StepLogs.AppendLinesAsync(run, "migrate", 1, ["applying 001", "applying 002"]);
        await Storage.StepLogs.AppendLinesAsync(run, "smoke", 1, ["GET /healthz 200"]);
        await Storage.StepLogs.AppendLinesAsync(run, "migrate", 2, ["applying 003"]);

        var all = await Storage.StepLogs.ReadAsync(run);
        var migrate = await Storage.StepLogs.ReadAsync(run, "migrate");
        var afterFirst = await Storage.StepLogs.ReadAsync(run, afterId: all[0].Id, limit: 2);

        all.Select(l => l.Text).Should().Equal("applying 001", "applying 002", "GET /healthz 200", "applying 003");
        all.Should().BeInAscendingOrder(l => l.Id);
        migrate.Select(l => (l.Attempt, l.Text)).Should().Equal((1, "applying 001"), (1, "applying 002"), (2, "applying 003"));
        afterFirst.Select(l => l.Text).Should().Equal("applying 002", "GET /healthz 200");
        all[0].At.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public async Task CheckAsync_WritableStore_ReportsHealthy()
    {
        var report = await Storage.Health.CheckAsync();

        report.IsHealthy.Should().BeTrue(report.Description);
        report.Provider.Should().Be(StoreConnection.Parse(Store).Provider.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task AppendAsync_ReadOnlyStore_ThrowsStoreUnavailableAndKeepsCommittedData()
    {
        var created = await CreateRunAsync(events: ["RunCreated", "RunStarted"]);
        var readOnly = Open(await MakeReadOnlyAsync());

        var append = () => readOnly.Runs.AppendAsync(created.RunId, 2, TestData.Events(Time, "StepStarted"));

        var error = (await append.Should().ThrowAsync<StoreUnavailableException>()).Which;
        error.Reason.Should().Be(StoreUnavailableReason.ReadOnly);
        error.Message.Should().Contain("read-only");
        error.IsTransient.Should().BeFalse();
        (await readOnly.Health.CheckAsync()).IsHealthy.Should().BeFalse();
        (await readOnly.Runs.ReadJournalAsync(created.RunId)).Should().HaveCount(2, "reads keep working and nothing committed is lost");
    }
}
