namespace RunbookRunner.Storage.Migrations;

/// <summary>
/// Brings the store's schema up to date. Stores also do this on first use; call it at start-up to fail fast
/// and to report readiness only once the schema is current.
/// </summary>
public interface ISchemaMigrator
{
    /// <summary>Applies every pending migration, each in its own transaction; returns the versions applied now.</summary>
    Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Versions recorded in <c>schema_migrations</c> (empty for a new database).</summary>
    Task<IReadOnlyList<int>> GetAppliedVersionsAsync(CancellationToken cancellationToken = default);
}
