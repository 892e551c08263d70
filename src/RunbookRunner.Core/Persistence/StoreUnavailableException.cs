namespace RunbookRunner.Core.Persistence;

/// <summary>
/// The store cannot accept work right now: disk full, read-only, database down or restarting, connection lost.
/// Nothing of the failed call was committed. The server refuses new work and reports not ready until it clears.
/// </summary>
public sealed class StoreUnavailableException : StorageException
{
    public StoreUnavailableException(StoreUnavailableReason reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public StoreUnavailableReason Reason { get; }

    /// <summary>Connection problems usually clear by themselves; a full disk or a read-only store needs an operator.</summary>
    public override bool IsTransient => Reason is StoreUnavailableReason.ConnectionLost or StoreUnavailableReason.Busy;
}
