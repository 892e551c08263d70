using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Fault.Tests.Collections;

/// <summary>Tests on a PostgreSQL cluster of their own (see <see cref="FaultCollections"/>).</summary>
[CollectionDefinition(FaultCollections.PostgresRestart)]
public sealed class PostgresRestartDefinition : ICollectionFixture<PostgresFixture>;
