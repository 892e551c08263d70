namespace RunbookRunner.Core.Persistence;

/// <summary>
/// Runs and their append-only journals. Every write is one transaction with optimistic concurrency on
/// (run id, sequence): a writer states the last sequence it has seen, and loses if someone appended since.
/// </summary>
public interface IRunStore
{
    /// <summary>Creates a run and commits its first batch (events, outbox, audit, command key) atomically.</summary>
    /// <exception cref="RunAlreadyExistsException">The id is taken.</exception>
    Task<CreateRunResult> CreateRunAsync(NewRun run, AppendBatch firstBatch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="batch"/> when the run's last sequence is still <paramref name="expectedLastSequence"/>.
    /// The command key is checked first: a duplicate wins over a conflict.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Someone appended first.</exception>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    Task<AppendResult> AppendAsync(string runId, long expectedLastSequence, AppendBatch batch, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Events with sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JournalEvent>> ReadJournalAsync(string runId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>Runs newest first (created time, then id), keyset paged.</summary>
    Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Ids of every run not finished, oldest first; what a node recovers at start-up.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedRunIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every run not finished with its state and step summary, oldest first: lets a node find the runs with
    /// work in flight without reading thousands of journals.
    /// </summary>
    Task<IReadOnlyList<UnfinishedRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>True when a batch with this command key was committed.</summary>
    Task<bool> CommandExistsAsync(string commandKey, CancellationToken cancellationToken = default);
}
