using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Narration;

/// <summary><see cref="INarrationStateStore"/> on SQL: one row per (target, run, key); the primary key makes adds race-free.</summary>
internal sealed class SqlNarrationStateStore(SqlDatabase db) : INarrationStateStore
{
    public Task<string?> GetAsync(string target, string runId, string key, CancellationToken cancellationToken = default)
    {
        Check(target, runId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(
                    null,
                    "SELECT value FROM narration_state WHERE target = @target AND run_id = @run AND key = @key",
                    P("@target", target),
                    P("@run", runId),
                    P("@key", key));
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> GetAllAsync(string target, string runId, CancellationToken cancellationToken = default)
    {
        Check(target, runId);
        return db.ReadAsync<IReadOnlyDictionary<string, string>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(
                    null, "SELECT key, value FROM narration_state WHERE target = @target AND run_id = @run", P("@target", target), P("@run", runId));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    values[reader.GetString(0)] = reader.GetString(1);
                }

                return values;
            },
            cancellationToken);
    }

    public Task SetAsync(string target, string runId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        Check(target, runId);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(values));
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }

        if (values.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var now = db.Time(db.Now());
                foreach (var (key, value) in values)
                {
                    await connection.CreateCommand(
                        transaction,
                        """
                        INSERT INTO narration_state (target, run_id, key, value, updated_at) VALUES (@target, @run, @key, @value, @now)
                        ON CONFLICT (target, run_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                        """,
                        P("@target", target),
                        P("@run", runId),
                        P("@key", key),
                        P("@value", value),
                        P("@now", now)).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                }

                return TxResult<bool>.Committed(true);
            },
            cancellationToken);
    }

    public Task<bool> TryAddAsync(string target, string runId, string key, string value, CancellationToken cancellationToken = default)
    {
        Check(target, runId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var rows = await connection.CreateCommand(
                    transaction,
                    """
                    INSERT INTO narration_state (target, run_id, key, value, updated_at) VALUES (@target, @run, @key, @value, @now)
                    ON CONFLICT (target, run_id, key) DO NOTHING
                    """,
                    P("@target", target),
                    P("@run", runId),
                    P("@key", key),
                    P("@value", value),
                    P("@now", db.Time(db.Now()))).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(rows == 1);
            },
            cancellationToken);
    }

    public Task<int> DeleteRunAsync(string target, string runId, CancellationToken cancellationToken = default)
    {
        Check(target, runId);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var rows = await connection.CreateCommand(
                    transaction, "DELETE FROM narration_state WHERE target = @target AND run_id = @run", P("@target", target), P("@run", runId))
                    .ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                return TxResult<int>.Committed(rows);
            },
            cancellationToken);
    }

    private static void Check(string target, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentException.ThrowIfNullOrEmpty(runId);
    }
}
