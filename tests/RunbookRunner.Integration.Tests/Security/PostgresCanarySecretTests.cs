using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Integration.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCanarySecretTests(PostgresFixture fixture) : CanarySecretTests
{
    protected override Task<string> NewStoreAsync() => StoreFactory.NewPostgresAsync(fixture);
}
