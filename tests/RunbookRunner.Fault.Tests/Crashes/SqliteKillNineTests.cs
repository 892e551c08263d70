using RunbookRunner.Fault.Tests.TestSupport;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Crashes;

/// <summary>kill -9 of <c>runbook serve</c> at seeded random moments while 20 runs are in flight, on SQLite.</summary>
public sealed class SqliteKillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_KilledAtRandomMomentsOnSqlite_EveryRunEndsWithNothingLostOrRepeated()
    {
        using var work = new WorkDirectory("kill-sqlite");
        var loop = new CrashLoop { Store = $"sqlite:{work.File("runs.db")}", WorkDirectory = work.Path, Seed = Seeds.For(20261122) };

        var report = new FaultReport("kill -9 of serve, SQLite");
        var outcome = await loop.RunAsync(report);

        KillNineAssertions.Check(outcome, loop, report, output);
        work.Passed = true;
    }
}
