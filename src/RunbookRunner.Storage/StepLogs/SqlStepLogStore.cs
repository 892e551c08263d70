using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.StepLogs;

/// <summary><see cref="IStepLogStore"/> on SQL: lines of one call share one transaction and one timestamp.</summary>
internal sealed class SqlStepLogStore(SqlDatabase db) : IStepLogStore
{
    public Task AppendLinesAsync(string runId, string stepId, int attempt, IReadOnlyList<string> lines, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(stepId);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await db.ExecutePlanAsync(connection, transaction, [.. db.InsertStepLogs(runId, stepId, attempt, lines, db.Now())], ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StepLogLine>> ReadAsync(string runId, string? stepId = null, long afterId = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = stepId is null
            ? "SELECT id, step_id, attempt, at, line FROM step_logs WHERE run_id = @run AND id > @after ORDER BY id LIMIT @limit"
            : "SELECT id, step_id, attempt, at, line FROM step_logs WHERE run_id = @run AND step_id = @step AND id > @after ORDER BY id LIMIT @limit";
        return db.ReadAsync<IReadOnlyList<StepLogLine>>(
            async (connection, ct) =>
            {
                SqlParameterValue[] parameters = stepId is null
                    ? [P("@run", runId), P("@after", afterId), P("@limit", limit)]
                    : [P("@run", runId), P("@step", stepId), P("@after", afterId), P("@limit", limit)];
                await using var command = connection.CreateCommand(null, sql, parameters);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var lines = new List<StepLogLine>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    lines.Add(new StepLogLine(reader.GetInt64(0), runId, reader.GetString(1), reader.GetInt32(2), db.ReadTime(reader, 3), reader.GetString(4)));
                }

                return lines;
            },
            cancellationToken);
    }
}
