using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Benchmarks.Harness;

/// <summary>Fresh stores for one measurement: a SQLite file in a temporary folder, or a database in the throwaway cluster.</summary>
internal static class Stores
{
    public static string NewSqlite(string scratch) =>
        $"sqlite:{Path.Combine(scratch, $"bench-{Guid.NewGuid():N}.db")}";

    public static async Task<(string Store, string ConnectionString, string Database)> NewPostgresAsync(PostgresCluster cluster, CancellationToken cancellationToken = default)
    {
        var name = $"bench_{Guid.NewGuid():N}"[..20];
        var connection = await cluster.CreateDatabaseAsync(name, cancellationToken).ConfigureAwait(false);
        return ($"postgres:{connection}", connection, name);
    }

    /// <summary>An admin token acting as <paramref name="slackUser"/>, created with the CLI against the store.</summary>
    public static async Task<string> CreateTokenAsync(string store, string slackUser, CancellationToken cancellationToken = default)
    {
        var result = await CliRun.RunAsync(["tokens", "create", "--role", "admin", "--name", "bench", "--as", slackUser, "--store", store], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tokens create failed ({result.ExitCode}): {result.Stderr}");
        }

        return result.Stdout.Trim().Split('\n')[0].Trim();
    }
}
