using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using RunbookRunner.TestKit.Time;
using Xunit;

namespace RunbookRunner.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageTests(PostgresFixture fixture)
{
    [Fact]
    public async Task AppendAsync_ServerRestarted_FailsTransientlyAtMostOnceThenRecovers()
    {
        var time = new ManualTimeProvider();
        await using var storage = RunbookStorage.Open("postgres:" + await fixture.CreateSchemaAsync(), time);
        var run = TestData.Run(time);
        await storage.Runs.CreateRunAsync(run, TestData.Events(time, "RunCreated"));

        // Several idle pooled connections, all of which die with the server.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => storage.Runs.GetRunAsync(run.Id))));
        await fixture.Cluster.RestartAsync();

        var failures = new List<StoreUnavailableException>();
        var sequence = 1L;
        for (var attempt = 0; attempt < 3 && sequence == 1; attempt++)
        {
            try
            {
                sequence = (await storage.Runs.AppendAsync(run.Id, 1, TestData.Events(time, "StepStarted"))).LastSequence;
            }
            catch (StoreUnavailableException ex)
            {
                failures.Add(ex);
            }
        }

        sequence.Should().Be(2);
        failures.Should().HaveCountLessThanOrEqualTo(1).And.AllSatisfy(f =>
        {
            f.Reason.Should().Be(StoreUnavailableReason.ConnectionLost);
            f.IsTransient.Should().BeTrue();
        });
        (await storage.Health.CheckAsync()).IsHealthy.Should().BeTrue();
    }

    [Fact]
    public async Task CheckAsync_ServerDown_ReportsUnhealthyWithoutThrowing()
    {
        await using var storage = RunbookStorage.Open("postgres:" + await fixture.CreateSchemaAsync(), new ManualTimeProvider());
        await storage.MigrateAsync();

        await fixture.Cluster.StopAsync();
        StoreHealthReport down;
        try
        {
            down = await storage.Health.CheckAsync();
        }
        finally
        {
            await fixture.Cluster.StartAsync();
        }

        down.IsHealthy.Should().BeFalse();
        down.Description.Should().Contain("retrying until it is back");
        (await storage.Health.CheckAsync()).IsHealthy.Should().BeTrue();
    }
}
