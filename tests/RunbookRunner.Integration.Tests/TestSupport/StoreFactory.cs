using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>Fresh stores for tests: a temporary SQLite file, or a new database on the shared PostgreSQL cluster.</summary>
internal static class StoreFactory
{
    public static string NewSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("rbk-it-").FullName;
        return "sqlite:" + Path.Combine(folder, "runbook-runner.db");
    }

    public static async Task<string> NewPostgresAsync(PostgresFixture fixture) =>
        "postgres:" + await fixture.CreateDatabaseAsync();
}
