using FluentAssertions;
using Npgsql;
using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresFixture fixture)
{
    [Fact]
    public async Task CreateDatabaseAsync_TwoDatabases_AreIsolated()
    {
        var first = await fixture.CreateDatabaseAsync();
        var second = await fixture.CreateDatabaseAsync();

        await ExecuteAsync(first, "CREATE TABLE only_here (x int)");

        (await ScalarAsync<long>(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'")).Should().Be(1);
        (await ScalarAsync<long>(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'")).Should().Be(0);
    }

    [Fact]
    public async Task Cluster_Default_ListensOnLoopbackWithFsyncOn()
    {
        var connectionString = fixture.Cluster.ConnectionString;

        (await ScalarAsync<string>(connectionString, "SHOW fsync")).Should().Be("on");
        (await ScalarAsync<string>(connectionString, "SHOW listen_addresses")).Should().Be("127.0.0.1");
        (await ScalarAsync<string>(connectionString, "SELECT current_setting('server_version_num')")).Should().StartWith("15");
        new NpgsqlConnectionStringBuilder(connectionString).Port.Should().Be(fixture.Cluster.Port);
    }

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

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
