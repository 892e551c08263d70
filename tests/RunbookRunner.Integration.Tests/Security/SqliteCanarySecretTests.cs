using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Security;

public sealed class SqliteCanarySecretTests : CanarySecretTests
{
    protected override Task<string> NewStoreAsync() => Task.FromResult(StoreFactory.NewSqlite());
}
