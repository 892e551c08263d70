using Microsoft.Data.Sqlite;
using RunbookRunner.Storage;

namespace RunbookRunner.Server.Hosting;

/// <summary>Where Quartz keeps its triggers: in the runs' own database (PostgreSQL, SQLite).</summary>
internal static class QuartzStore
{
    public static string ConnectionString(StoreConnection store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider == StoreProvider.Postgres)
        {
            return store.ConnectionString;
        }

        // Quartz's own SQLite connections wait for our writers instead of failing on a busy file.
        return new SqliteConnectionStringBuilder(store.ConnectionString) { DefaultTimeout = 30 }.ConnectionString;
    }
}
