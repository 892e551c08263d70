using Npgsql;
using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresFixture fixture) : StoreContractTests
{
    protected override async Task<string> CreateStoreAsync() => "postgres:" + await fixture.CreateSchemaAsync();

    protected override Task<string> MakeReadOnlyAsync()
    {
        // Sessions that start read-only, as on a standby or after an operator locks the database.
        var builder = new NpgsqlConnectionStringBuilder(StoreConnection.Parse(Store).ConnectionString)
        {
            Options = "-c default_transaction_read_only=on",
        };
        return Task.FromResult("postgres:" + builder.ConnectionString);
    }
}
