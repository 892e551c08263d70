using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunbookRunner.Storage;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>
/// Plain SQL on a store behind the runner's back, as an attacker or an auditor with database access would: edit
/// rows, read what is really stored.
/// </summary>
internal sealed class RawStore(string store)
{
    private readonly StoreConnection _connection = StoreConnection.Parse(store);

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="sql"/>, each column as text (blobs decoded as UTF-8, nulls as empty).</summary>
    public async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString() ?? "",
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The names of every table in the store's database (the runner's and Quartz's).</summary>
    public async Task<List<string>> TablesAsync() =>
        [.. (await QueryAsync(_connection.Provider == StoreProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))
            .Select(r => r[0])];

    /// <summary>Every value of every row of every table, one line per row prefixed with its table.</summary>
    public async Task<string> DumpAsync()
    {
        var text = new StringBuilder();
        foreach (var table in await TablesAsync())
        {
            foreach (var row in await QueryAsync($"SELECT * FROM \"{table}\""))
            {
                text.Append(table).Append(": ").AppendJoin(" | ", row).Append('\n');
            }
        }

        return text.ToString();
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = _connection.Provider == StoreProvider.Sqlite
            ? new SqliteConnection(_connection.ConnectionString)
            : new NpgsqlConnection(_connection.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
