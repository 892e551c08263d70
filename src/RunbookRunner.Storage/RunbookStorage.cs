using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Audit;
using RunbookRunner.Storage.Health;
using RunbookRunner.Storage.Leases;
using RunbookRunner.Storage.Migrations;
using RunbookRunner.Storage.Narration;
using RunbookRunner.Storage.Outbox;
using RunbookRunner.Storage.Postgres;
using RunbookRunner.Storage.Runs;
using RunbookRunner.Storage.Sql;
using RunbookRunner.Storage.Sqlite;
using RunbookRunner.Storage.StepLogs;
using RunbookRunner.Storage.Tokens;

namespace RunbookRunner.Storage;

/// <summary>
/// Every store over one database, for hosts that do not use dependency injection (the CLI, tests).
/// Dispose it to close the connection pool. The schema is migrated on first use or by <see cref="Migrator"/>.
/// </summary>
public sealed class RunbookStorage : IAsyncDisposable, IDisposable
{
    private readonly SqlDatabase _database;

    private RunbookStorage(SqlDatabase database)
    {
        _database = database;
        Runs = new SqlRunStore(database);
        Outbox = new SqlOutboxStore(database);
        StepLogs = new SqlStepLogStore(database);
        Audit = new SqlAuditStore(database);
        Tokens = new SqlTokenStore(database);
        Leases = new SqlRunLeaseStore(database);
        NarrationState = new SqlNarrationStateStore(database);
        Health = new SqlStoreHealth(database);
        Migrator = new SchemaMigrator(database);
    }

    public StoreConnection Connection => _database.Connection;

    public IRunStore Runs { get; }

    public IOutboxStore Outbox { get; }

    public IStepLogStore StepLogs { get; }

    public IAuditStore Audit { get; }

    public ITokenStore Tokens { get; }

    public IRunLeaseStore Leases { get; }

    public INarrationStateStore NarrationState { get; }

    public IStoreHealth Health { get; }

    public ISchemaMigrator Migrator { get; }

    /// <summary>Opens the stores for a <c>sqlite:...</c> or <c>postgres:...</c> value (nothing is touched until first use).</summary>
    public static RunbookStorage Open(string store, TimeProvider? timeProvider = null) => Open(StoreConnection.Parse(store), timeProvider);

    public static RunbookStorage Open(StoreConnection connection, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var time = timeProvider ?? TimeProvider.System;
        SqlDatabase database = connection.Provider switch
        {
            StoreProvider.Sqlite => new SqliteDatabase(connection, time),
            StoreProvider.Postgres => new PostgresDatabase(connection, time),
            _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.Provider, "Unknown store provider."),
        };
        return new RunbookStorage(database);
    }

    /// <summary>Applies pending migrations now (idempotent); returns the versions applied by this call.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => Migrator.MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
