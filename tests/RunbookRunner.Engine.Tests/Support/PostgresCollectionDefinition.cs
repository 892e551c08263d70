using RunbookRunner.TestKit.Postgres;
using Xunit;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>One PostgreSQL cluster for the engine tests.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
