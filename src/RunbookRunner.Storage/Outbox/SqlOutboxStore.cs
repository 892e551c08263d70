using System.Globalization;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Outbox;

/// <summary><see cref="IOutboxStore"/> on SQL; the claim query is the provider's (<see cref="SqlDatabase.ClaimOutboxSql(string)"/>).</summary>
internal sealed class SqlOutboxStore(SqlDatabase db) : IOutboxStore
{
    public Task EnqueueAsync(string? runId, IReadOnlyList<NewOutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var m in messages)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(messages));
            ArgumentException.ThrowIfNullOrEmpty(m.Target, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await db.ExecutePlanAsync(connection, transaction, [.. db.InsertOutbox(runId ?? string.Empty, messages, db.Now())], ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimNextAsync(string nodeId, int max, TimeSpan lease, CancellationToken cancellationToken = default) =>
        ClaimNextAsync(nodeId, max, lease, [], cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ClaimNextAsync(string nodeId, int max, TimeSpan lease, IReadOnlyCollection<string> skipRunIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(skipRunIds);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var now = db.Now();
                var parameters = new List<SqlParameterValue> { P("@node", nodeId), P("@until", db.Time(now + lease)), P("@now", db.Time(now)), P("@max", max) };
                var skipped = new List<string>(skipRunIds.Count);
                foreach (var runId in skipRunIds.Distinct(StringComparer.Ordinal))
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@skip{skipped.Count}");
                    skipped.Add(name);
                    parameters.Add(P(name, runId));
                }

                var filter = skipped.Count == 0 ? "" : $"AND o.run_id NOT IN ({string.Join(", ", skipped)})";
                await using var command = connection.CreateCommand(transaction, db.ClaimOutboxSql(filter), parameters);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var claimed = new List<OutboxMessage>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var runId = reader.GetString(1);
                    claimed.Add(new OutboxMessage
                    {
                        Id = reader.GetInt64(0),
                        RunId = runId.Length == 0 ? null : runId,
                        Target = reader.GetString(2),
                        Kind = reader.GetString(3),
                        PayloadJson = reader.GetString(4),
                        CreatedAt = db.ReadTime(reader, 5),
                        Attempts = reader.GetInt32(6),
                        LastError = reader.GetNullableString(7),
                        ClaimedUntil = db.ReadTime(reader, 8),
                    });
                }

                // RETURNING gives no order guarantee; deliverers rely on id order.
                claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
                return TxResult<IReadOnlyList<OutboxMessage>>.Committed(claimed);
            },
            cancellationToken);
    }

    public Task<bool> CompleteAsync(long messageId, string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand(
                    transaction,
                    "UPDATE outbox SET delivered_at = @now, claimed_until = NULL WHERE id = @id AND claimed_by = @node AND delivered_at IS NULL",
                    P("@now", db.Time(db.Now())),
                    P("@id", messageId),
                    P("@node", nodeId));
                return TxResult<bool>.Committed(await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1);
            },
            cancellationToken);
    }

    public Task<int> CompleteManyAsync(IReadOnlyList<long> messageIds, string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        if (messageIds.Count == 0)
        {
            return Task.FromResult(0);
        }

        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var parameters = new List<SqlParameterValue> { P("@now", db.Time(db.Now())), P("@node", nodeId) };
                var names = new List<string>(messageIds.Count);
                for (var i = 0; i < messageIds.Count; i++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@id{i}");
                    names.Add(name);
                    parameters.Add(P(name, messageIds[i]));
                }

                await using var command = connection.CreateCommand(
                    transaction,
                    $"UPDATE outbox SET delivered_at = @now, claimed_until = NULL WHERE claimed_by = @node AND delivered_at IS NULL AND id IN ({string.Join(", ", names)})",
                    parameters);
                return TxResult<int>.Committed(await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false));
            },
            cancellationToken);
    }

    public Task<bool> FailAsync(long messageId, string nodeId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentNullException.ThrowIfNull(error);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var failed = await connection.CreateCommand(
                    transaction,
                    """
                    UPDATE outbox SET attempts = attempts + 1, last_error = @error, retry_at = @retry, claimed_by = NULL, claimed_until = NULL
                    WHERE id = @id AND claimed_by = @node AND delivered_at IS NULL
                    """,
                    P("@error", error),
                    P("@retry", db.Time(retryAt)),
                    P("@id", messageId),
                    P("@node", nodeId)).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                if (failed == 0)
                {
                    return TxResult<bool>.RolledBack(false);
                }

                // The group is blocked behind this message now: hand back what this node holds after it.
                await connection.CreateCommand(
                    transaction,
                    """
                    UPDATE outbox SET claimed_by = NULL, claimed_until = NULL
                    WHERE delivered_at IS NULL AND claimed_by = @node AND id > @id
                      AND run_id = (SELECT run_id FROM outbox WHERE id = @id) AND target = (SELECT target FROM outbox WHERE id = @id)
                    """,
                    P("@node", nodeId),
                    P("@id", messageId)).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(true);
            },
            cancellationToken);
    }

    public Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, "SELECT count(*), min(created_at) FROM outbox WHERE delivered_at IS NULL");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await reader.ReadAsync(ct).ConfigureAwait(false);
                return new OutboxBacklog(reader.GetInt64(0), db.ReadNullableTime(reader, 1));
            },
            cancellationToken);
}
