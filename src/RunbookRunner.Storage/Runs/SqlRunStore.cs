using System.Data.Common;
using System.Globalization;
using System.Text;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Audit;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Runs;

/// <summary>
/// <see cref="IRunStore"/> on SQL. An append is one transaction: [command key guard], run update guarded by
/// the expected sequence, events, outbox (one batch on PostgreSQL), then audit entries under the chain lock.
/// </summary>
internal sealed class SqlRunStore(SqlDatabase db) : IRunStore
{
    private const int MaxPageSize = 500;

    private enum WriteOutcome
    {
        Done,
        DuplicateCommand,
        RunExists,
        Lost,
    }

    public async Task<CreateRunResult> CreateRunAsync(NewRun run, AppendBatch firstBatch, CancellationToken cancellationToken = default)
    {
        ValidateRun(run);
        ValidateBatch(firstBatch);
        var lastSequence = firstBatch.Events.Count;
        var outcome = await db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var now = db.Now();
                var summary = firstBatch.Run;
                var plan = new List<SqlStatement>();
                var keyIndex = AddCommandKey(plan, firstBatch.CommandKey, run.Id, now);
                var runIndex = plan.Count;
                plan.Add(SqlStatement.Guard(
                    $"""
                    INSERT INTO runs ({RunRows.FullColumns})
                    VALUES (@id, @runbook, @title, @env, @t0, @rehearsal, @by, @now, @now, @state, @finished, @late, @seq, @source, @yaml, @options, @summary)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    P("@id", run.Id),
                    P("@runbook", run.RunbookName),
                    P("@title", run.Title),
                    P("@env", run.Environment),
                    P("@t0", db.Time(run.T0)),
                    P("@rehearsal", run.IsRehearsal),
                    P("@by", run.StartedBy),
                    P("@now", db.Time(now)),
                    P("@state", summary?.State ?? run.State),
                    P("@finished", summary?.IsFinished ?? false),
                    P("@late", (long)(summary?.Lateness ?? TimeSpan.Zero).TotalMilliseconds),
                    P("@seq", (long)lastSequence),
                    P("@source", run.SourcePath),
                    P("@yaml", run.RunbookYaml),
                    P("@options", run.RehearsalOptionsJson),
                    P("@summary", summary?.SummaryJson ?? run.SummaryJson)));
                plan.AddRange(db.InsertEvents(run.Id, 1, firstBatch.Events));
                plan.AddRange(db.InsertOutbox(run.Id, firstBatch.Outbox, now));
                return await ExecuteAsync(connection, transaction, plan, keyIndex, runIndex, WriteOutcome.RunExists, firstBatch, run.Id, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        switch (outcome)
        {
            case WriteOutcome.Done:
                return new CreateRunResult(AppendOutcome.Appended, run.Id, lastSequence);
            case WriteOutcome.RunExists:
                throw new RunAlreadyExistsException(run.Id);
            default:
                if (firstBatch.CommandKey is { } key && await FindCommandRunAsync(key, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    var existing = await GetLastSequenceAsync(earlier, cancellationToken).ConfigureAwait(false);
                    return new CreateRunResult(AppendOutcome.DuplicateCommand, earlier, existing ?? 0);
                }

                // A concurrent creation of the same id lost the race on the primary key.
                throw new RunAlreadyExistsException(run.Id);
        }
    }

    public async Task<AppendResult> AppendAsync(string runId, long expectedLastSequence, AppendBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLastSequence);
        ValidateBatch(batch);
        var newSequence = expectedLastSequence + batch.Events.Count;
        var outcome = await db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var now = db.Now();
                var plan = new List<SqlStatement>();
                var keyIndex = AddCommandKey(plan, batch.CommandKey, runId, now);
                var runIndex = plan.Count;
                plan.Add(RunUpdate(runId, expectedLastSequence, newSequence, batch.Run, now));
                plan.AddRange(db.InsertEvents(runId, expectedLastSequence + 1, batch.Events));
                plan.AddRange(db.InsertOutbox(runId, batch.Outbox, now));
                return await ExecuteAsync(connection, transaction, plan, keyIndex, runIndex, WriteOutcome.Lost, batch, runId, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        if (outcome == WriteOutcome.Done)
        {
            return new AppendResult(AppendOutcome.Appended, newSequence);
        }

        // Work out why on fresh reads: a duplicate key wins over a conflict, as documented.
        var actual = await GetLastSequenceAsync(runId, cancellationToken).ConfigureAwait(false);
        if (batch.CommandKey is { } key && await FindCommandRunAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new AppendResult(AppendOutcome.DuplicateCommand, actual ?? 0);
        }

        if (actual is null)
        {
            throw new RunNotFoundException(runId);
        }

        throw new ConcurrencyConflictException(runId, expectedLastSequence, actual.Value);
    }

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return db.ReadAsync<RunRecord?>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, $"SELECT {RunRows.FullColumns} FROM runs WHERE id = @id", P("@id", runId));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? RunRows.ReadRecord(db, reader) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<JournalEvent>> ReadJournalAsync(string runId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return db.ReadAsync<IReadOnlyList<JournalEvent>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(
                    null,
                    "SELECT sequence, type, data, at FROM journal WHERE run_id = @run AND sequence > @after ORDER BY sequence LIMIT @limit",
                    P("@run", runId),
                    P("@after", afterSequence),
                    P("@limit", limit));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var events = new List<JournalEvent>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    events.Add(new JournalEvent(runId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), db.ReadTime(reader, 3)));
                }

                return events;
            },
            cancellationToken);
    }

    public Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize, nameof(query));
        if (query.Cursor is not null && query.NewerThan is not null)
        {
            throw new ArgumentException($"Pass either {nameof(RunQuery.Cursor)} (older runs) or {nameof(RunQuery.NewerThan)} (newer runs), not both.", nameof(query));
        }

        var cursor = query.Cursor is null ? (RunCursor?)null : RunCursor.Decode(query.Cursor);
        var newerThan = query.NewerThan is null ? (RunCursor?)null : RunCursor.Decode(query.NewerThan);
        var sql = new StringBuilder($"SELECT {RunRows.ListColumns} FROM runs WHERE 1 = 1");
        var parameters = new List<SqlParameterValue>();
        if (query.States.Count > 0)
        {
            sql.Append(" AND state IN (");
            for (var i = 0; i < query.States.Count; i++)
            {
                sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"@s{i}");
                parameters.Add(P($"@s{i}", query.States[i]));
            }

            sql.Append(')');
        }

        if (query.RunbookName is not null)
        {
            sql.Append(" AND runbook_name = @runbook");
            parameters.Add(P("@runbook", query.RunbookName));
        }

        if (query.Unfinished is { } unfinished)
        {
            sql.Append(unfinished ? " AND NOT is_finished" : " AND is_finished");
        }

        if (cursor is { } c)
        {
            sql.Append(" AND (created_at < @cat OR (created_at = @cat AND id < @cid))");
            parameters.Add(P("@cat", db.Time(c.CreatedAt)));
            parameters.Add(P("@cid", c.Id));
        }

        // Paging back reads the keyset the other way from the boundary, then turns the page around.
        if (newerThan is { } n)
        {
            sql.Append(" AND (created_at > @nat OR (created_at = @nat AND id > @nid))");
            parameters.Add(P("@nat", db.Time(n.CreatedAt)));
            parameters.Add(P("@nid", n.Id));
        }

        sql.Append(newerThan is null ? " ORDER BY created_at DESC, id DESC LIMIT @limit" : " ORDER BY created_at ASC, id ASC LIMIT @limit");
        parameters.Add(P("@limit", query.PageSize + 1));
        return db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, sql.ToString(), parameters);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var items = new List<RunListItem>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    items.Add(RunRows.ReadListItem(db, reader));
                }

                var more = items.Count > query.PageSize;
                if (more)
                {
                    items.RemoveAt(items.Count - 1);
                }

                if (newerThan is { } boundary)
                {
                    items.Reverse();

                    // Older runs exist (at least the one at the boundary), so a page back always leads forward again.
                    return items.Count == 0
                        ? new RunPage(items, null)
                        : new RunPage(items, Position(items[^1]).Encode()) { PreviousCursor = more ? Position(items[0]).Encode() : null };
                }

                var next = more ? Position(items[^1]).Encode() : null;
                return new RunPage(items, next) { PreviousCursor = cursor is not null && items.Count > 0 ? Position(items[0]).Encode() : null };
            },
            cancellationToken);
    }

    private static RunCursor Position(RunListItem item) => new(item.CreatedAt, item.Id);

    public Task<IReadOnlyList<string>> ListUnfinishedRunIdsAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<string>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, "SELECT id FROM runs WHERE NOT is_finished ORDER BY created_at, id");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var ids = new List<string>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }

                return ids;
            },
            cancellationToken);

    public Task<IReadOnlyList<UnfinishedRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<UnfinishedRun>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, "SELECT id, state, summary FROM runs WHERE NOT is_finished ORDER BY created_at, id");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var runs = new List<UnfinishedRun>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    runs.Add(new UnfinishedRun(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }

                return runs;
            },
            cancellationToken);

    public async Task<bool> CommandExistsAsync(string commandKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandKey);
        return await FindCommandRunAsync(commandKey, cancellationToken).ConfigureAwait(false) is not null;
    }

    private static void ValidateRun(NewRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(run.Id, nameof(run));
        ArgumentException.ThrowIfNullOrEmpty(run.RunbookName, nameof(run));
        ArgumentException.ThrowIfNullOrEmpty(run.State, nameof(run));
        ArgumentNullException.ThrowIfNull(run.RunbookYaml, nameof(run));
    }

    private static void ValidateBatch(AppendBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var e in batch.Events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(batch));
            ArgumentException.ThrowIfNullOrEmpty(e.Type, nameof(batch));
            ArgumentNullException.ThrowIfNull(e.DataJson, nameof(batch));
        }

        if (batch.CommandKey is { Length: 0 })
        {
            throw new ArgumentException("A command key, when given, must not be empty.", nameof(batch));
        }
    }

    private int AddCommandKey(List<SqlStatement> plan, string? key, string runId, DateTimeOffset now)
    {
        if (key is null)
        {
            return -1;
        }

        plan.Add(SqlStatement.Guard(
            "INSERT INTO command_keys (key, run_id, created_at) VALUES (@key, @run, @now) ON CONFLICT (key) DO NOTHING",
            P("@key", key),
            P("@run", runId),
            P("@now", db.Time(now))));
        return plan.Count - 1;
    }

    private SqlStatement RunUpdate(string runId, long expected, long next, RunSummaryUpdate? summary, DateTimeOffset now)
    {
        if (summary is null)
        {
            return SqlStatement.Guard(
                "UPDATE runs SET last_sequence = @next, updated_at = @now WHERE id = @id AND last_sequence = @expected",
                P("@next", next), P("@now", db.Time(now)), P("@id", runId), P("@expected", expected));
        }

        return SqlStatement.Guard(
            """
            UPDATE runs SET last_sequence = @next, updated_at = @now, state = @state, is_finished = @finished,
                lateness_ms = @late, summary = @summary
            WHERE id = @id AND last_sequence = @expected
            """,
            P("@next", next),
            P("@now", db.Time(now)),
            P("@state", summary.State),
            P("@finished", summary.IsFinished),
            P("@late", (long)summary.Lateness.TotalMilliseconds),
            P("@summary", summary.SummaryJson),
            P("@id", runId),
            P("@expected", expected));
    }

    private async Task<TxResult<WriteOutcome>> ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        List<SqlStatement> plan,
        int keyIndex,
        int runIndex,
        WriteOutcome runGuardFailure,
        AppendBatch batch,
        string runId,
        CancellationToken cancellationToken)
    {
        try
        {
            var failed = await db.ExecutePlanAsync(connection, transaction, plan, cancellationToken).ConfigureAwait(false);
            if (failed >= 0)
            {
                return TxResult<WriteOutcome>.RolledBack(
                    failed == keyIndex ? WriteOutcome.DuplicateCommand : failed == runIndex ? runGuardFailure : WriteOutcome.Lost);
            }
        }
        catch (DbException ex) when (db.IsConstraintViolation(ex))
        {
            // PostgreSQL runs the whole plan as one batch: a lost race surfaces as a key violation further on.
            return TxResult<WriteOutcome>.RolledBack(WriteOutcome.Lost);
        }

        await AuditWriter.AppendAsync(db, connection, transaction, batch.Audit, runId, cancellationToken).ConfigureAwait(false);
        return TxResult<WriteOutcome>.Committed(WriteOutcome.Done);
    }

    private Task<string?> FindCommandRunAsync(string key, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, "SELECT run_id FROM command_keys WHERE key = @key", P("@key", key));
                return (string?)await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    private Task<long?> GetLastSequenceAsync(string runId, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, "SELECT last_sequence FROM runs WHERE id = @id", P("@id", runId));
                var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                return value is null or DBNull ? (long?)null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            },
            cancellationToken);
}
