using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;

namespace RunbookRunner.Storage.Sqlite;

/// <summary>
/// SQLite in WAL mode. SQLite has one writer at a time: writers in this process queue on a semaphore (per
/// database file) and take the file's write lock with BEGIN IMMEDIATE, so a transaction never fails half-way
/// on a lock upgrade; other processes (a CLI next to the server) wait up to the busy timeout.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteLocks = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writeLock;

    public SqliteDatabase(StoreConnection connection, TimeProvider timeProvider)
        : base(connection, timeProvider)
    {
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _writeLock = WriteLocks.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));
    }

    public override string ClaimOutboxSql(string candidateFilter) => $"""
        UPDATE outbox SET claimed_by = @node, claimed_until = @until
        WHERE id IN (
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
            LIMIT @max)
        RETURNING id, run_id, target, kind, payload, created_at, attempts, last_error, claimed_until
        """;

    public override string SchemaMigrationsExistsSql =>
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

    public override object Time(DateTimeOffset value) => StoreTime.ToSqliteText(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => StoreTime.FromSqliteText(reader.GetString(ordinal));

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Connection.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per-connection settings: wait for another process's writer, and fsync every commit (a launch-day
            // journal must survive a power cut, not only a crash). A throwaway rehearsal journal does not wait
            // for the disk: on a busy machine each fsync can cost tens of milliseconds.
            var synchronous = Connection.Ephemeral ? "OFF" : "FULL";
            await using var pragma = connection.CreateCommand(
                null, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = {synchronous};");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<int> ExecutePlanAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> plan, CancellationToken cancellationToken)
    {
        for (var i = 0; i < plan.Count; i++)
        {
            await using var command = connection.CreateCommand(transaction, plan[i].Sql, plan[i].Parameters);
            var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (plan[i].IsGuard && rows == 0)
            {
                return i;
            }
        }

        return -1;
    }

    public override bool IsConstraintViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };

    // BEGIN IMMEDIATE already made this transaction the only writer of the file.
    public override Task LockAuditChainAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the single writer; the mode is stored in the file, so set it once.
        await using var mode = connection.CreateCommand(null, "PRAGMA journal_mode");
        var current = (string?)await mode.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(current, "wal", StringComparison.OrdinalIgnoreCase))
        {
            await using var wal = connection.CreateCommand(null, "PRAGMA journal_mode = WAL");
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Each migration runs in BEGIN IMMEDIATE and re-checks its version, which is what keeps two processes apart.
        return NoLock.Instance;
    }

    public override StoreUnavailableException? Translate(DbException exception) =>
        exception is SqliteException sqlite ? SqliteErrors.Translate(sqlite, Connection) : null;

    protected override async Task<IDisposable?> AcquireWriteLockAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_writeLock);
    }

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
