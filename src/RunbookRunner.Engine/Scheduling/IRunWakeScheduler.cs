namespace RunbookRunner.Engine.Scheduling;

/// <summary>
/// Keeps one timer per run: the next instant the run must be re-evaluated (a timed step, a retry, an
/// approval timeout, a guard poll). When it fires, the engine feeds the run a Tick.
/// </summary>
public interface IRunWakeScheduler
{
    /// <summary>
    /// True when wakes survive a restart of the process (they live in the database): a restarted node
    /// then need not re-arm the wakes of runs that were only waiting.
    /// </summary>
    bool IsDurable { get; }

    /// <summary>Sets (or with null clears) the run's wake, replacing any earlier one.</summary>
    Task ScheduleAsync(string runId, DateTimeOffset? at, CancellationToken cancellationToken = default);
}
