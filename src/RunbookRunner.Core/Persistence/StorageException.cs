namespace RunbookRunner.Core.Persistence;

/// <summary>Base type of every error a store reports on purpose (as opposed to a bug).</summary>
public abstract class StorageException : Exception
{
    protected StorageException(string message)
        : base(message)
    {
    }

    protected StorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the same call may succeed if tried again later (after re-reading state where relevant).</summary>
    public abstract bool IsTransient { get; }
}
