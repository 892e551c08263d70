using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Integration.Tests.TestSupport;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
