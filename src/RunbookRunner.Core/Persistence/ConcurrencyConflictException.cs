namespace RunbookRunner.Core.Persistence;

/// <summary>
/// Another writer appended to the run after the caller read it: the caller's decision was taken on stale state.
/// Re-read the journal from <see cref="ActualSequence"/> and decide again.
/// </summary>
public sealed class ConcurrencyConflictException : StorageException
{
    public ConcurrencyConflictException(string runId, long expectedSequence, long actualSequence)
        : base($"Run '{runId}' was appended to concurrently: expected last sequence {expectedSequence}, found {actualSequence}. Re-read the journal and retry.")
    {
        RunId = runId;
        ExpectedSequence = expectedSequence;
        ActualSequence = actualSequence;
    }

    public string RunId { get; }

    public long ExpectedSequence { get; }

    public long ActualSequence { get; }

    public override bool IsTransient => true;
}
