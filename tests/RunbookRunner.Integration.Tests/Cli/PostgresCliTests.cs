using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Integration.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCliTests(PostgresFixture fixture) : CliTests
{
    protected override Task<string> NewStoreAsync() => StoreFactory.NewPostgresAsync(fixture);
}
