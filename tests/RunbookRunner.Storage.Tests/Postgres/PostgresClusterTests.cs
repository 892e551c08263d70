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
    public async Task CreateSchemaAsync_TwoSchemas_AreIsolatedBySearchPath()
    {
        var first = await fixture.Cluster.CreateSchemaAsync();
        var second = await fixture.Cluster.CreateSchemaAsync();

        await ExecuteAsync(first, "CREATE TABLE only_here (x int)");

        (await ScalarAsync<long>(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here' AND schemaname = current_schema()")).Should().Be(1);
        (await ScalarAsync<long>(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here' AND schemaname = current_schema()")).Should().Be(0);
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

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
