using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Integration.Tests.Api;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerApiTests(PostgresFixture fixture) : ServerApiTests
{
    protected override Task<string> NewStoreAsync() => StoreFactory.NewPostgresAsync(fixture);
}
