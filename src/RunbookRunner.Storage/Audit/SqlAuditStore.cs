using System.Data.Common;
using System.Text;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Audit;

/// <summary><see cref="IAuditStore"/> on SQL; see <see cref="AuditChain"/> for the hash chain.</summary>
internal sealed class SqlAuditStore(SqlDatabase db) : IAuditStore
{
    private const string Columns = "id, at, actor, source, action, run_id, step_id, outcome, detail, prev_hash, hash";
    private const int VerifyPageSize = 1000;

    public async Task<AuditEntry> AppendAsync(NewAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var written = await db.WriteAsync(
            async (connection, transaction, ct) =>
                TxResult<IReadOnlyList<AuditEntry>>.Committed(
                    await AuditWriter.AppendAsync(db, connection, transaction, [entry], null, ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        return written[0];
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 1000, nameof(query));
        var sql = new StringBuilder($"SELECT {Columns} FROM audit WHERE 1 = 1");
        var parameters = new List<SqlParameterValue>();
        if (query.RunId is not null)
        {
            sql.Append(" AND run_id = @run");
            parameters.Add(P("@run", query.RunId));
        }

        if (query.Actor is not null)
        {
            sql.Append(" AND actor = @actor");
            parameters.Add(P("@actor", query.Actor));
        }

        if (query.Outcome is { } outcome)
        {
            sql.Append(" AND outcome = @outcome");
            parameters.Add(P("@outcome", AuditChain.OutcomeName(outcome)));
        }

        if (query.BeforeId is { } before)
        {
            sql.Append(" AND id < @before");
            parameters.Add(P("@before", before));
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        parameters.Add(P("@limit", query.Limit));
        return db.ReadAsync<IReadOnlyList<AuditEntry>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, sql.ToString(), parameters);
                var rows = await ReadRowsAsync(command, ct).ConfigureAwait(false);
                return rows.ConvertAll(r => r.ToEntry());
            },
            cancellationToken);
    }

    public Task<AuditVerification> VerifyChainAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async (connection, ct) =>
            {
                long expectedId = 1;
                var previousHash = AuditChain.GenesisHash;
                long checkedCount = 0;
                while (true)
                {
                    // Keyset pages keep memory flat however long the trail grows.
                    await using var command = connection.CreateCommand(
                        null,
                        $"SELECT {Columns} FROM audit WHERE id >= @from ORDER BY id LIMIT @limit",
                        P("@from", expectedId),
                        P("@limit", VerifyPageSize));
                    var page = await ReadRowsAsync(command, ct).ConfigureAwait(false);
                    foreach (var entry in page)
                    {
                        checkedCount++;
                        var problem = Check(entry, expectedId, previousHash);
                        if (problem is not null)
                        {
                            return new AuditVerification(false, checkedCount, entry.Id, problem);
                        }

                        previousHash = entry.Hash;
                        expectedId++;
                    }

                    if (page.Count < VerifyPageSize)
                    {
                        return new AuditVerification(true, checkedCount, null, null);
                    }
                }
            },
            cancellationToken);

    private static string? Check(AuditRow entry, long expectedId, string previousHash)
    {
        if (entry.Id != expectedId)
        {
            return $"expected entry {expectedId} next but found {entry.Id}: entries were deleted or renumbered";
        }

        if (entry.PreviousHash != previousHash)
        {
            return $"entry {entry.Id} does not link to the entry before it (previous hash {entry.PreviousHash}, expected {previousHash})";
        }

        var recomputed = AuditChain.Hash(previousHash, entry);
        return recomputed == entry.Hash
            ? null
            : $"entry {entry.Id} was modified after it was written (stored hash {entry.Hash}, content hashes to {recomputed})";
    }

    private async Task<List<AuditRow>> ReadRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0),
                db.ReadTime(reader, 1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetNullableString(5),
                reader.GetNullableString(6),
                reader.GetString(7),
                reader.GetNullableString(8),
                reader.GetString(9),
                reader.GetString(10)));
        }

        return rows;
    }
}
