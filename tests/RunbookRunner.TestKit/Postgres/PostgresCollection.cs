using System.Diagnostics.CodeAnalysis;

namespace RunbookRunner.TestKit.Postgres;

/// <summary>
/// The name of the xunit collection that shares one <see cref="PostgresFixture"/>. xunit 2 discovers collection
/// definitions only in the test assembly itself, so each test project declares it once:
/// <code>
/// [CollectionDefinition(PostgresCollection.Name)]
/// public sealed class PostgresCollectionDefinition : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// and test classes take part with <c>[Collection(PostgresCollection.Name)]</c> and a <see cref="PostgresFixture"/>
/// constructor parameter.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xunit names shared fixtures \"collections\"; the name says what it is.")]
public static class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
