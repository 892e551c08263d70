namespace RunbookRunner.Core.Persistence;

/// <summary>
/// Small per-run values a narration sink keeps between deliveries, keyed by (target, run, key): for Slack the
/// channel and <c>ts</c> of a run's status message and approval messages and the last sequence narrated, so
/// messages are updated in place after a restart and a repeated delivery posts nothing twice.
/// </summary>
public interface INarrationStateStore
{
    /// <summary>The value of <paramref name="key"/>, or null when it was never set.</summary>
    Task<string?> GetAsync(string target, string runId, string key, CancellationToken cancellationToken = default);

    /// <summary>Every key of one run for one target.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAllAsync(string target, string runId, CancellationToken cancellationToken = default);

    /// <summary>Sets (inserts or replaces) every value in <paramref name="values"/> in one transaction.</summary>
    Task SetAsync(string target, string runId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);

    /// <summary>Sets <paramref name="key"/> only when it has no value yet; false when another writer set it first.</summary>
    Task<bool> TryAddAsync(string target, string runId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Forgets every key of one run for one target; returns how many were removed.</summary>
    Task<int> DeleteRunAsync(string target, string runId, CancellationToken cancellationToken = default);
}
