using System.Data.Common;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Leases;

/// <summary>
/// <see cref="IRunLeaseStore"/> on SQL. Acquisition is a single upsert whose WHERE decides who wins, so two
/// nodes racing for a run cannot both get it on either provider.
/// </summary>
internal sealed class SqlRunLeaseStore(SqlDatabase db) : IRunLeaseStore
{
    public Task<RunLease?> TryAcquireAsync(string runId, string nodeId, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        Validate(runId, nodeId, ttl);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var now = db.Now();

                // The generation grows unless the holder simply extends a live lease of its own.
                await using var command = connection.CreateCommand(
                    transaction,
                    """
                    INSERT INTO run_leases (run_id, node_id, expires_at, generation) VALUES (@run, @node, @expires, 1)
                    ON CONFLICT (run_id) DO UPDATE SET
                        generation = CASE WHEN run_leases.node_id = excluded.node_id AND run_leases.expires_at > @now
                                          THEN run_leases.generation ELSE run_leases.generation + 1 END,
                        node_id = excluded.node_id,
                        expires_at = excluded.expires_at
                    WHERE run_leases.node_id = excluded.node_id OR run_leases.expires_at <= @now
                    RETURNING run_id, node_id, expires_at, generation
                    """,
                    P("@run", runId),
                    P("@node", nodeId),
                    P("@expires", db.Time(now + ttl)),
                    P("@now", db.Time(now)));
                return TxResult<RunLease?>.Committed(await ReadOneAsync(command, ct).ConfigureAwait(false));
            },
            cancellationToken);
    }

    public Task<RunLease?> RenewAsync(string runId, string nodeId, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        Validate(runId, nodeId, ttl);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var now = db.Now();
                await using var command = connection.CreateCommand(
                    transaction,
                    """
                    UPDATE run_leases SET expires_at = @expires
                    WHERE run_id = @run AND node_id = @node AND expires_at > @now
                    RETURNING run_id, node_id, expires_at, generation
                    """,
                    P("@expires", db.Time(now + ttl)),
                    P("@run", runId),
                    P("@node", nodeId),
                    P("@now", db.Time(now)));
                return TxResult<RunLease?>.Committed(await ReadOneAsync(command, ct).ConfigureAwait(false));
            },
            cancellationToken);
    }

    public Task<bool> ReleaseAsync(string runId, string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // Expire rather than delete: the generation must keep growing across holders.
                var now = db.Now();
                var rows = await connection.CreateCommand(
                    transaction,
                    "UPDATE run_leases SET expires_at = @now WHERE run_id = @run AND node_id = @node AND expires_at > @now",
                    P("@now", db.Time(now)),
                    P("@run", runId),
                    P("@node", nodeId)).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(rows == 1);
            },
            cancellationToken);
    }

    public Task<RunLease?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(
                    null, "SELECT run_id, node_id, expires_at, generation FROM run_leases WHERE run_id = @run", P("@run", runId));
                return await ReadOneAsync(command, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListClaimableRunIdsAsync(int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return db.ReadAsync<IReadOnlyList<string>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(
                    null,
                    """
                    SELECT r.id FROM runs r LEFT JOIN run_leases l ON l.run_id = r.id
                    WHERE NOT r.is_finished AND (l.run_id IS NULL OR l.expires_at <= @now)
                    ORDER BY r.created_at, r.id
                    LIMIT @limit
                    """,
                    P("@now", db.Time(db.Now())),
                    P("@limit", limit));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var ids = new List<string>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }

                return ids;
            },
            cancellationToken);
    }

    private static void Validate(string runId, string nodeId, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
    }

    private async Task<RunLease?> ReadOneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RunLease(reader.GetString(0), reader.GetString(1), db.ReadTime(reader, 2), reader.GetInt64(3))
            : null;
    }
}
