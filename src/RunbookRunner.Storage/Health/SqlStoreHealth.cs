using System.Data.Common;
using System.Diagnostics;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Health;

/// <summary>
/// Readiness of the store: the schema is current and a small write commits (a full disk or a read-only store
/// fails here before it fails a run).
/// </summary>
internal sealed class SqlStoreHealth(SqlDatabase db) : IStoreHealth
{
    public async Task<StoreHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var provider = db.Provider.ToString().ToLowerInvariant();
        var clock = Stopwatch.StartNew();
        try
        {
            await db.WriteAsync(
                async (connection, transaction, ct) =>
                {
                    await connection.CreateCommand(
                        transaction,
                        """
                        INSERT INTO health_probe (id, checked_at) VALUES (1, @now)
                        ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at
                        """,
                        P("@now", db.Time(db.Now()))).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                    return TxResult<bool>.Committed(true);
                },
                cancellationToken).ConfigureAwait(false);
            return new StoreHealthReport(true, provider, $"{db.Connection} accepts writes", clock.Elapsed);
        }
        catch (StorageException ex)
        {
            return new StoreHealthReport(false, provider, ex.Message, clock.Elapsed);
        }
        catch (DbException ex)
        {
            return new StoreHealthReport(false, provider, $"{db.Connection}: {ex.Message}", clock.Elapsed);
        }
        catch (InvalidOperationException ex)
        {
            // E.g. a migration that cannot apply: not ready, and the message says why.
            return new StoreHealthReport(false, provider, $"{db.Connection}: {ex.Message}", clock.Elapsed);
        }
    }
}
