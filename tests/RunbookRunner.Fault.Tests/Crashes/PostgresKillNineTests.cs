using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Postgres;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Crashes;

/// <summary>kill -9 of <c>runbook serve</c> at seeded random moments while 20 runs are in flight, on PostgreSQL.</summary>
[Collection(FaultCollections.PostgresCrash)]
public sealed class PostgresKillNineTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_KilledAtRandomMomentsOnPostgres_EveryRunEndsWithNothingLostOrRepeated()
    {
        using var work = new WorkDirectory("kill-pg");
        var store = "postgres:" + await postgres.CreateDatabaseAsync();
        var loop = new CrashLoop { Store = store, WorkDirectory = work.Path, Seed = Seeds.For(1122) };

        var report = new FaultReport("kill -9 of serve, PostgreSQL");
        var outcome = await loop.RunAsync(report);

        KillNineAssertions.Check(outcome, loop, report, output);
        work.Passed = true;
    }
}
