using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Cli;

public sealed class SqliteCliTests : CliTests
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(StoreFactory.NewSqlite());
}
