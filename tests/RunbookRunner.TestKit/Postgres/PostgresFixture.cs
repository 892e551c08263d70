using Xunit;

namespace RunbookRunner.TestKit.Postgres;

/// <summary>
/// One <see cref="PostgresCluster"/> shared by a test collection. Tests isolate themselves with
/// <see cref="CreateSchemaAsync"/> (cheap) or <see cref="CreateDatabaseAsync"/>. Use it through <see cref="PostgresCollection"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialised yet.");

    /// <summary>A fresh, empty database on the shared cluster; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) => Cluster.CreateDatabaseAsync(cancellationToken);

    /// <summary>A fresh, empty schema on the shared cluster; returns a connection string whose search path is it.</summary>
    public Task<string> CreateSchemaAsync(CancellationToken cancellationToken = default) => Cluster.CreateSchemaAsync(cancellationToken);

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartNewAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
