using System.Data.Common;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Migrations;

/// <summary>
/// Applies the embedded scripts in version order, each with its <c>schema_migrations</c> row in one transaction.
/// Safe when several nodes start at once: PostgreSQL takes an advisory lock, SQLite's BEGIN IMMEDIATE plus a
/// re-check of the version inside the transaction do the same.
/// </summary>
internal sealed class SchemaMigrator(SqlDatabase database) : ISchemaMigrator
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at text NOT NULL
        )
        """;

    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = MigrationScripts.For(database.Provider);
        var applied = new List<int>();

        // Look before locking or writing: a current schema needs no write, so a read-only store still reads.
        await using (var probe = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var before = await ReadAppliedAsync(probe, cancellationToken).ConfigureAwait(false);
            if (migrations.All(m => before.TryGetValue(m.Version, out var sum) && sum == m.Checksum))
            {
                return applied;
            }
        }

        await using var lockConnection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var migrationLock = await database.LockForMigrationAsync(lockConnection, cancellationToken).ConfigureAwait(false);
        await using (var create = lockConnection.CreateCommand(null, CreateTable))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var known = await ReadAppliedAsync(lockConnection, cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations)
        {
            if (known.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Version} ({migration.Name}) was changed after it was applied to {database.Connection}. " +
                        "Applied migrations are immutable: restore the original script and add a new migration instead.");
                }

                continue;
            }

            var done = await database.InTransactionAsync(
                async (connection, transaction, ct) =>
                {
                    await using var check = connection.CreateCommand(
                        transaction, "SELECT count(*) FROM schema_migrations WHERE version = @v", P("@v", migration.Version));
                    if (Convert.ToInt64(await check.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
                    {
                        return TxResult<bool>.RolledBack(false);
                    }

                    await using (var script = connection.CreateCommand(transaction, migration.Sql))
                    {
                        await script.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    await using var record = connection.CreateCommand(
                        transaction,
                        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @at)",
                        P("@v", migration.Version),
                        P("@n", migration.Name),
                        P("@c", migration.Checksum),
                        P("@at", StoreTime.ToSqliteText(database.Now())));
                    await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    return TxResult<bool>.Committed(true);
                },
                cancellationToken).ConfigureAwait(false);
            if (done)
            {
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    public async Task<IReadOnlyList<int>> GetAppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
        return [.. applied.Keys.Order()];
    }

    private async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using (var exists = connection.CreateCommand(null, database.SchemaMigrationsExistsSql))
        {
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return applied;
            }
        }

        await using var command = connection.CreateCommand(null, "SELECT version, checksum FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }
}
