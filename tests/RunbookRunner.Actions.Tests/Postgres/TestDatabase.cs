using Npgsql;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Actions.Tests.Postgres;

/// <summary>A fresh database on the shared cluster, addressed both ways the actions accept.</summary>
internal sealed record TestDatabase(string NpgsqlConnectionString, string Url, string KeyValue)
{
    public static async Task<TestDatabase> CreateAsync(PostgresFixture fixture)
    {
        var cs = await fixture.CreateDatabaseAsync();
        var b = new NpgsqlConnectionStringBuilder(cs);
        return new TestDatabase(
            cs,
            $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}",
            $"host={b.Host} port={b.Port} user={b.Username} dbname='{b.Database}'");
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(NpgsqlConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(NpgsqlConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
