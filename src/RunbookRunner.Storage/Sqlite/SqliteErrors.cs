using Microsoft.Data.Sqlite;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Storage.Sqlite;

/// <summary>Maps SQLite result codes (https://sqlite.org/rescode.html) to availability errors.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static StoreUnavailableException? Translate(SqliteException exception, StoreConnection store) => exception.SqliteErrorCode switch
    {
        Full => new StoreUnavailableException(
            StoreUnavailableReason.DiskFull,
            $"The store {store} is full (disk or quota): nothing more can be written; free space, then retry. Committed runs are intact.",
            exception),
        ReadOnly => new StoreUnavailableException(
            StoreUnavailableReason.ReadOnly,
            $"The store {store} is read-only (file permissions, read-only mount or Mode=ReadOnly): new work is refused.",
            exception),
        Busy or Locked => new StoreUnavailableException(
            StoreUnavailableReason.Busy,
            $"The store {store} stayed locked by another writer beyond the busy timeout; retry shortly.",
            exception),
        IoErr or Corrupt or NotADatabase => new StoreUnavailableException(
            StoreUnavailableReason.IoError,
            $"The store {store} reported an I/O error or corruption ({exception.Message}); check the disk and the file.",
            exception),
        CantOpen => new StoreUnavailableException(
            StoreUnavailableReason.IoError,
            $"The store {store} cannot be opened ({exception.Message}); check the path and its permissions.",
            exception),
        _ => null,
    };
}
