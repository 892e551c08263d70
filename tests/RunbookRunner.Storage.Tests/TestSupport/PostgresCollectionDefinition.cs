using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Storage.Tests.TestSupport;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
