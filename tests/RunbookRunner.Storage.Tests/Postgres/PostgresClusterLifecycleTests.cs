using FluentAssertions;
using Npgsql;
using RunbookRunner.TestKit.Postgres;
using Xunit;
using static RunbookRunner.Storage.Tests.Postgres.PostgresClusterTests;

namespace RunbookRunner.Storage.Tests.Postgres;

/// <summary>Tests that start clusters of their own, so they run beside the shared-cluster collection.</summary>
public sealed class PostgresClusterLifecycleTests
{
    [Fact]
    public async Task RestartAsync_CommittedData_SurvivesOnSamePort()
    {
        await using var cluster = await PostgresCluster.StartNewAsync(new PostgresClusterOptions { Fsync = false });
        var database = await cluster.CreateDatabaseAsync("restart_check");
        await ExecuteAsync(database, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
        var port = cluster.Port;

        await cluster.RestartAsync();

        cluster.Port.Should().Be(port);
        (await ScalarAsync<int>(database, "SELECT x FROM kept")).Should().Be(42);
        (await ScalarAsync<string>(database, "SHOW fsync")).Should().Be("off");
    }

    [Fact]
    public async Task DisposeAsync_RunningCluster_StopsAndDeletesDirectory()
    {
        var cluster = await PostgresCluster.StartNewAsync(new PostgresClusterOptions { Fsync = false });
        var dataDirectory = cluster.DataDirectory;
        var connectionString = cluster.ConnectionString;

        await cluster.DisposeAsync();

        Directory.Exists(dataDirectory).Should().BeFalse();
        var connect = async () => await ScalarAsync<int>(connectionString, "SELECT 1");
        await connect.Should().ThrowAsync<NpgsqlException>();
    }

    [Fact]
    public async Task StartNewAsync_MissingBinaries_FailsNamingThePath()
    {
        var start = async () => await PostgresCluster.StartNewAsync(new PostgresClusterOptions { BinDirectory = "/nonexistent/pg/bin" });

        (await start.Should().ThrowAsync<PostgresClusterException>())
            .WithMessage("*'/nonexistent/pg/bin/initdb' is missing*");
    }
}
