using Npgsql;
using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Store;

/// <summary>
/// PostgreSQL turns read-only under a running node (<c>default_transaction_read_only</c> set for the whole cluster
/// and reloaded, as after a fail-over to a standby): on a cluster of its own.
/// </summary>
[Collection(FaultCollections.PostgresReadOnly)]
public sealed class PostgresReadOnlyStoreTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Store_PostgresTurnsReadOnly_NewWorkRefusedClearlyAndNothingCommittedLost()
    {
        using var work = new WorkDirectory("ro-pg");
        var store = "postgres:" + await postgres.CreateDatabaseAsync();

        await ReadOnlyScenario.RunAsync(
            store,
            work,
            freeze: () => SetReadOnlyAsync(true),
            thaw: () => SetReadOnlyAsync(false),
            expectedWords: "read-only",
            new FaultReport("read-only store, PostgreSQL (default_transaction_read_only)"),
            output);
    }

    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await using var connection = new NpgsqlConnection(postgres.Cluster.ConnectionString);
        await connection.OpenAsync();
        // ALTER SYSTEM refuses to run in a transaction block, so each statement goes alone.
        string[] statements = readOnly
            ? ["ALTER SYSTEM SET default_transaction_read_only = on"]
            : ["SET default_transaction_read_only = off", "ALTER SYSTEM RESET default_transaction_read_only"];
        foreach (var sql in statements)
        {
            await using var alter = new NpgsqlCommand(sql, connection);
            await alter.ExecuteNonQueryAsync();
        }

        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteScalarAsync();
    }
}
