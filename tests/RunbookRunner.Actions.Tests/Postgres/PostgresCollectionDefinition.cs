using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Actions.Tests.Postgres;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
