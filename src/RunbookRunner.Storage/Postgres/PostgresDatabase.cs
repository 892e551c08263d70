using System.Data;
using System.Data.Common;
using Npgsql;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;

namespace RunbookRunner.Storage.Postgres;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Writers do not queue in process: row locks,
/// unique keys, advisory locks and SKIP LOCKED keep several nodes apart. A write plan goes out as one batch
/// (one round trip), bulk rows as arrays through <c>unnest</c>.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    // Advisory lock keys: "RBK" + a number, far from anything another application would pick by accident.
    private const long MigrationLockKey = 0x52424B_0001;
    private const long AuditChainLockKey = 0x52424B_0002;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(StoreConnection connection, TimeProvider timeProvider)
        : base(connection, timeProvider) => _dataSource = NpgsqlDataSource.Create(connection.ConnectionString);

    // Candidates are locked with SKIP LOCKED so claimers never wait on each other; the UPDATE then drops any
    // candidate whose earlier sibling (same run and target) is pending but not in this claim, e.g. because a
    // concurrent claimer locked it: order per run and target is never broken.
    public override string ClaimOutboxSql(string candidateFilter) => $"""
        WITH candidates AS (
            SELECT o.id FROM outbox o
            WHERE o.delivered_at IS NULL
              AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
              AND (o.retry_at IS NULL OR o.retry_at <= @now)
              AND NOT EXISTS (
                  SELECT 1 FROM outbox e
                  WHERE e.delivered_at IS NULL AND e.run_id = o.run_id AND e.target = o.target AND e.id < o.id
                    AND ((e.claimed_until IS NOT NULL AND e.claimed_until > @now) OR (e.retry_at IS NOT NULL AND e.retry_at > @now)))
              {candidateFilter}
            ORDER BY o.id
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE outbox o SET claimed_by = @node, claimed_until = @until
        FROM candidates c
        WHERE o.id = c.id
          AND NOT EXISTS (
              SELECT 1 FROM outbox e
              WHERE e.delivered_at IS NULL AND e.run_id = o.run_id AND e.target = o.target AND e.id < o.id
                AND e.id NOT IN (SELECT id FROM candidates))
        RETURNING o.id, o.run_id, o.target, o.kind, o.payload, o.created_at, o.attempts, o.last_error, o.claimed_until
        """;

    public override string SchemaMigrationsExistsSql =>
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'schema_migrations' AND schemaname = current_schema()";

    public override object Time(DateTimeOffset value) => StoreTime.Normalize(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<int> ExecutePlanAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> plan, CancellationToken cancellationToken)
    {
        if (plan.Count == 0)
        {
            return -1;
        }

        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var statement in plan)
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(parameter.Name, parameter.Value ?? DBNull.Value));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < plan.Count; i++)
        {
            if (plan[i].IsGuard && batch.BatchCommands[i].RecordsAffected == 0)
            {
                return i;
            }
        }

        return -1;
    }

    public override bool IsConstraintViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation };

    public override async Task LockAuditChainAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT pg_advisory_xact_lock(@key)", new SqlParameterValue("@key", AuditChainLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A session lock spans the migrations' separate transactions; two nodes starting together take turns.
        await using var command = connection.CreateCommand(null, "SELECT pg_advisory_lock(@key)", new SqlParameterValue("@key", MigrationLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new SessionLock(connection);
    }

    public override StoreUnavailableException? Translate(DbException exception) =>
        exception is NpgsqlException npgsql ? PostgresErrors.Translate(npgsql, Connection) : null;

    public override IEnumerable<SqlStatement> InsertEvents(string runId, long firstSequence, IReadOnlyList<NewJournalEvent> events)
    {
        if (events.Count == 0)
        {
            yield break;
        }

        yield return SqlStatement.Of(
            """
            INSERT INTO journal (run_id, sequence, type, data, at)
            SELECT @run, x.seq, x.type, x.data, x.at FROM unnest(@seqs, @types, @datas, @ats) AS x(seq, type, data, at)
            """,
            new("@run", runId),
            new("@seqs", events.Select((_, i) => firstSequence + i).ToArray()),
            new("@types", events.Select(e => e.Type).ToArray()),
            new("@datas", events.Select(e => e.DataJson).ToArray()),
            new("@ats", events.Select(e => StoreTime.Normalize(e.At)).ToArray()));
    }

    public override IEnumerable<SqlStatement> InsertOutbox(string runId, IReadOnlyList<NewOutboxMessage> messages, DateTimeOffset now)
    {
        if (messages.Count == 0)
        {
            yield break;
        }

        // ORDER BY the ordinality so identity values follow the caller's order.
        yield return SqlStatement.Of(
            """
            INSERT INTO outbox (run_id, target, kind, payload, created_at)
            SELECT @run, x.target, x.kind, x.payload, @now
            FROM unnest(@targets, @kinds, @payloads) WITH ORDINALITY AS x(target, kind, payload, n)
            ORDER BY x.n
            """,
            new("@run", runId),
            new("@now", StoreTime.Normalize(now)),
            new("@targets", messages.Select(m => m.Target).ToArray()),
            new("@kinds", messages.Select(m => m.Kind).ToArray()),
            new("@payloads", messages.Select(m => m.PayloadJson).ToArray()));
    }

    public override IEnumerable<SqlStatement> InsertStepLogs(string runId, string stepId, int attempt, IReadOnlyList<string> lines, DateTimeOffset now)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        yield return SqlStatement.Of(
            """
            INSERT INTO step_logs (run_id, step_id, attempt, at, line)
            SELECT @run, @step, @attempt, @now, x.line FROM unnest(@lines) WITH ORDINALITY AS x(line, n) ORDER BY x.n
            """,
            new("@run", runId),
            new("@step", stepId),
            new("@attempt", attempt),
            new("@now", StoreTime.Normalize(now)),
            new("@lines", lines.ToArray()));
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    // After a server restart every idle pooled connection is dead; without this each would fail one call in turn.
    protected override void OnUnavailable(StoreUnavailableException exception)
    {
        if (exception.Reason == StoreUnavailableReason.ConnectionLost)
        {
            _dataSource.Clear();
        }
    }

    protected override Task<IDisposable?> AcquireWriteLockAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    private sealed class SessionLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var command = connection.CreateCommand(null, "SELECT pg_advisory_unlock(@key)", new SqlParameterValue("@key", MigrationLockKey));
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
