using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Security;

public sealed class SqliteStoreSecurityTests : StoreSecurityTests
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(StoreFactory.NewSqlite());
}
