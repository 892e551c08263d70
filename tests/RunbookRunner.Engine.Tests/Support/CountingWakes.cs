using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>Records every wake the engine sets, then passes it on to the real scheduler.</summary>
internal sealed class CountingWakes(IRunWakeScheduler inner) : IRunWakeScheduler
{
    private readonly List<DateTimeOffset?> _set = [];

    public bool IsDurable => inner.IsDurable;

    public IReadOnlyList<DateTimeOffset?> Set
    {
        get
        {
            lock (_set)
            {
                return [.. _set];
            }
        }
    }

    public Task ScheduleAsync(string runId, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        lock (_set)
        {
            _set.Add(at);
        }

        return inner.ScheduleAsync(runId, at, cancellationToken);
    }
}
