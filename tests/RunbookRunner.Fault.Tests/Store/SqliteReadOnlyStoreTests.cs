using RunbookRunner.Fault.Tests.TestSupport;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Store;

/// <summary>
/// The SQLite file (and its write-ahead log) becomes unwritable under a running node, like a disk remounted
/// read-only after errors: <c>chattr +i</c> as root (root ignores permissions), <c>chmod a-w</c> otherwise.
/// </summary>
public sealed class SqliteReadOnlyStoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Store_SqliteFileBecomesReadOnly_NewWorkRefusedClearlyAndNothingCommittedLost()
    {
        using var work = new WorkDirectory("ro-sqlite");
        var db = work.File("runs.db");
        string[] Files() => [db, db + "-wal", work.Path];

        await ReadOnlyScenario.RunAsync(
            $"sqlite:{db}",
            work,
            freeze: () => FileFreezer.FreezeAsync(Files()),
            thaw: () => FileFreezer.ThawAsync(Files()),
            expectedWords: "read-only|I/O error|cannot be opened",
            new FaultReport("read-only store, SQLite (file and WAL made unwritable)"),
            output);
    }
}
