using System.Data.Common;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Migrations;

namespace RunbookRunner.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL, behind one surface the stores share: connections, the unit of
/// write work, time and bulk-insert encoding, locks, and the mapping of provider errors.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private volatile bool _ready;

    protected SqlDatabase(StoreConnection connection, TimeProvider timeProvider)
    {
        Connection = connection;
        TimeProvider = timeProvider;
    }

    public StoreConnection Connection { get; }

    public StoreProvider Provider => Connection.Provider;

    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// SQL for <see cref="IOutboxStore.ClaimNextAsync(string, int, TimeSpan, CancellationToken)"/>: parameters @node, @until,
    /// @now, @max; <paramref name="candidateFilter"/> (empty, or <c>AND ...</c> on alias <c>o</c>) narrows the candidates.
    /// </summary>
    public abstract string ClaimOutboxSql(string candidateFilter);

    /// <summary>SQL counting the <c>schema_migrations</c> tables visible to this connection (0 or 1).</summary>
    public abstract string SchemaMigrationsExistsSql { get; }

    public DateTimeOffset Now() => StoreTime.Normalize(TimeProvider.GetUtcNow());

    /// <summary>A time as a parameter value of this provider.</summary>
    public abstract object Time(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>Runs read work on an open connection, after migrations, mapping provider errors.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (Translate(ex) is { } unavailable)
        {
            OnUnavailable(unavailable);
            throw unavailable;
        }
    }

    /// <summary>Runs write work in one transaction (serialised with other writers where the provider needs it).</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<TxResult<T>>> work, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await InTransactionAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="WriteAsync{T}"/> without the migration check (used by the migrator itself).</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<TxResult<T>>> work, CancellationToken cancellationToken)
    {
        using var writeLock = await AcquireWriteLockAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (result.Commit)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }

            return result.Value;
        }
        catch (DbException ex) when (Translate(ex) is { } unavailable)
        {
            OnUnavailable(unavailable);
            throw unavailable;
        }
    }

    /// <summary>
    /// Executes a write plan in order inside <paramref name="transaction"/>. Returns the index of the first guard
    /// that affected no row (the caller rolls back), or -1 when every guard held.
    /// </summary>
    public abstract Task<int> ExecutePlanAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> plan, CancellationToken cancellationToken);

    /// <summary>True for unique and foreign-key violations (a lost race, resolved by re-reading).</summary>
    public abstract bool IsConstraintViolation(DbException exception);

    /// <summary>Serialises audit-chain writers until the transaction ends.</summary>
    public abstract Task LockAuditChainAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Statements inserting journal events with sequences from <paramref name="firstSequence"/>.</summary>
    public virtual IEnumerable<SqlStatement> InsertEvents(string runId, long firstSequence, IReadOnlyList<NewJournalEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            yield return SqlStatement.Of(
                "INSERT INTO journal (run_id, sequence, type, data, at) VALUES (@run, @seq, @type, @data, @at)",
                new("@run", runId), new("@seq", firstSequence + i), new("@type", e.Type), new("@data", e.DataJson), new("@at", Time(e.At)));
        }
    }

    /// <summary>Statements inserting outbox messages in order.</summary>
    public virtual IEnumerable<SqlStatement> InsertOutbox(string runId, IReadOnlyList<NewOutboxMessage> messages, DateTimeOffset now)
    {
        foreach (var m in messages)
        {
            yield return SqlStatement.Of(
                "INSERT INTO outbox (run_id, target, kind, payload, created_at) VALUES (@run, @target, @kind, @payload, @now)",
                new("@run", runId), new("@target", m.Target), new("@kind", m.Kind), new("@payload", m.PayloadJson), new("@now", Time(now)));
        }
    }

    /// <summary>Statements inserting step log lines in order.</summary>
    public virtual IEnumerable<SqlStatement> InsertStepLogs(string runId, string stepId, int attempt, IReadOnlyList<string> lines, DateTimeOffset now)
    {
        foreach (var line in lines)
        {
            yield return SqlStatement.Of(
                "INSERT INTO step_logs (run_id, step_id, attempt, at, line) VALUES (@run, @step, @attempt, @now, @line)",
                new("@run", runId), new("@step", stepId), new("@attempt", attempt), new("@now", Time(now)), new("@line", line));
        }
    }

    /// <summary>Takes the cross-process migration lock on <paramref name="connection"/>; dispose to release.</summary>
    public abstract Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The store's error for a provider exception, or null when it is not an availability problem.</summary>
    public abstract StoreUnavailableException? Translate(DbException exception);

    /// <summary>Applies pending migrations once per process (again after a failure).</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _readyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await new SchemaMigrator(this).MigrateAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        catch (DbException ex) when (Translate(ex) is { } unavailable)
        {
            OnUnavailable(unavailable);
            throw unavailable;
        }
        finally
        {
            _readyGate.Release();
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        _readyGate.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Lets a provider react to an outage, e.g. drop pooled connections that died with the server.</summary>
    protected virtual void OnUnavailable(StoreUnavailableException exception)
    {
    }

    protected abstract Task<IDisposable?> AcquireWriteLockAsync(CancellationToken cancellationToken);

    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
