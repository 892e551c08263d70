using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using RunbookRunner.TestKit.Time;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

/// <summary>
/// The behaviour every store provider must have. Each test gets a fresh, empty database from
/// <see cref="CreateStoreAsync"/>; the concrete classes only say how to make one.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<RunbookStorage> _opened = [];

    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    protected ManualTimeProvider Time { get; } = new();

    /// <summary>The <c>sqlite:</c> or <c>postgres:</c> value of this test's database.</summary>
    protected string Store { get; private set; } = string.Empty;

    protected RunbookStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        Storage = Open();
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }
    }

    /// <summary>Makes a fresh database and returns its store value.</summary>
    protected abstract Task<string> CreateStoreAsync();

    /// <summary>Returns a store value through which the current database is read-only.</summary>
    protected abstract Task<string> MakeReadOnlyAsync();

    /// <summary>Another "node" on the same database, with its own connections.</summary>
    protected RunbookStorage Open(string? store = null)
    {
        var storage = RunbookStorage.Open(store ?? Store, Time);
        _opened.Add(storage);
        return storage;
    }

    protected async Task<CreateRunResult> CreateRunAsync(string runbook = "launch-day", string state = "running", params string[] events)
    {
        var run = TestData.Run(Time, runbook, state);
        return await Storage.Runs.CreateRunAsync(run, TestData.Events(Time, events.Length == 0 ? ["RunCreated"] : events));
    }

    /// <summary>Runs raw SQL against the database behind the store (for tampering and white-box checks).</summary>
    protected async Task<int> ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    protected async Task<List<object?[]>> QueryRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add([.. row.Select(v => v is DBNull ? null : v)]);
        }

        return rows;
    }

    private async Task<DbConnection> OpenRawAsync()
    {
        var parsed = StoreConnection.Parse(Store);
        DbConnection connection = parsed.Provider == StoreProvider.Sqlite
            ? new SqliteConnection(parsed.ConnectionString)
            : new NpgsqlConnection(parsed.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
