namespace RunbookRunner.Storage;

/// <summary>The database behind the stores.</summary>
public enum StoreProvider
{
    /// <summary>A local SQLite file: zero set-up, one node.</summary>
    Sqlite,

    /// <summary>PostgreSQL: several nodes may share it.</summary>
    Postgres,
}
