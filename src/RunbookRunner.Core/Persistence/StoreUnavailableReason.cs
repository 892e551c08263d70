namespace RunbookRunner.Core.Persistence;

/// <summary>Why a store refused work; see <see cref="StoreUnavailableException"/>.</summary>
public enum StoreUnavailableReason
{
    /// <summary>The disk (or a database quota) is full.</summary>
    DiskFull,

    /// <summary>The database or its file is read-only (permissions, read-only replica, read-only mount).</summary>
    ReadOnly,

    /// <summary>The database cannot be reached, is restarting or dropped the connection.</summary>
    ConnectionLost,

    /// <summary>Another writer holds the database longer than the busy timeout.</summary>
    Busy,

    /// <summary>An I/O error or corruption reported by the database.</summary>
    IoError,
}
