using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Engine.Tests.Running;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEngineRunTests(PostgresFixture postgres) : EngineRunTests
{
    protected override async Task<string> NewStoreAsync() => "postgres:" + await postgres.CreateDatabaseAsync();
}
