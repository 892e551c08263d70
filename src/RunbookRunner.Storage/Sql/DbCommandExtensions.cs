using System.Data.Common;

namespace RunbookRunner.Storage.Sql;

/// <summary>Small helpers that keep ADO.NET code short.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand CreateCommand(this DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<SqlParameterValue> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;

        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = parameter.Name;
            p.Value = parameter.Value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    public static DbCommand CreateCommand(this DbConnection connection, DbTransaction? transaction, string sql, params SqlParameterValue[] parameters) =>
        connection.CreateCommand(transaction, sql, (IEnumerable<SqlParameterValue>)parameters);

    /// <summary>Executes a non-query and disposes the command; returns the affected row count.</summary>
    public static async Task<int> ExecuteAndDisposeAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static SqlParameterValue P(string name, object? value) => new(name, value);
}
