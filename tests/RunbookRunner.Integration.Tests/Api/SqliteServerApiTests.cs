using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Api;

public sealed class SqliteServerApiTests : ServerApiTests
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(StoreFactory.NewSqlite());
}
