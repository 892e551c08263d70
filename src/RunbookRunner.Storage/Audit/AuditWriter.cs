using System.Data.Common;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Audit;

/// <summary>Appends entries to the chain inside the caller's transaction, holding the chain lock until it ends.</summary>
internal static class AuditWriter
{
    public static async Task<IReadOnlyList<AuditEntry>> AppendAsync(
        SqlDatabase db, DbConnection connection, DbTransaction transaction, IReadOnlyList<NewAuditEntry> entries, string? defaultRunId, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        // Taken last in the transaction and held only to commit, so audited writers queue briefly.
        await db.LockAuditChainAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        long lastId = 0;
        var lastHash = AuditChain.GenesisHash;
        await using (var last = connection.CreateCommand(transaction, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lastId = reader.GetInt64(0);
                lastHash = reader.GetString(1);
            }
        }

        var now = db.Now();
        var written = new List<AuditEntry>(entries.Count);
        var plan = new List<SqlStatement>(entries.Count);
        foreach (var entry in entries)
        {
            Validate(entry);
            var row = new AuditRow(
                ++lastId,
                now,
                entry.Actor,
                AuditChain.SourceName(entry.Source),
                entry.Action,
                entry.RunId ?? defaultRunId,
                entry.StepId,
                AuditChain.OutcomeName(entry.Outcome),
                entry.Detail,
                lastHash,
                string.Empty);
            row = row with { Hash = AuditChain.Hash(lastHash, row) };
            lastHash = row.Hash;
            written.Add(row.ToEntry());
            plan.Add(SqlStatement.Of(
                """
                INSERT INTO audit (id, at, actor, source, action, run_id, step_id, outcome, detail, prev_hash, hash)
                VALUES (@id, @at, @actor, @source, @action, @run, @step, @outcome, @detail, @prev, @hash)
                """,
                P("@id", row.Id),
                P("@at", db.Time(row.At)),
                P("@actor", row.Actor),
                P("@source", row.Source),
                P("@action", row.Action),
                P("@run", row.RunId),
                P("@step", row.StepId),
                P("@outcome", row.Outcome),
                P("@detail", row.Detail),
                P("@prev", row.PreviousHash),
                P("@hash", row.Hash)));
        }

        await db.ExecutePlanAsync(connection, transaction, plan, cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static void Validate(NewAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Actor, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action, nameof(entry));
    }
}
