using Microsoft.Data.Sqlite;

namespace RunbookRunner.Storage.Tests.Contract;

public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rbk-sqlite-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    protected override Task<string> CreateStoreAsync() =>
        Task.FromResult("sqlite:" + Path.Combine(_directory.FullName, "runbook-runner.db"));

    protected override Task<string> MakeReadOnlyAsync() =>
        Task.FromResult($"sqlite:Data Source={Path.Combine(_directory.FullName, "runbook-runner.db")};Mode=ReadOnly");
}
