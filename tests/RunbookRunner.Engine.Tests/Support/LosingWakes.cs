using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine.Tests.Support;

/// <summary>A durable scheduler whose triggers are all lost (a database outage ate them): nothing ever fires.</summary>
internal sealed class LosingWakes : IRunWakeScheduler
{
    public bool IsDurable => true;

    public Task ScheduleAsync(string runId, DateTimeOffset? at, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
