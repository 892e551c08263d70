namespace RunbookRunner.Engine.Tests.Running;

public sealed class SqliteEngineRunTests : EngineRunTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rbr-engine-").FullName;

    protected override Task<string> NewStoreAsync() =>
        Task.FromResult($"sqlite:{Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db")}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
