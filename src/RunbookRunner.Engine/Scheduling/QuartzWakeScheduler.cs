using Quartz;

namespace RunbookRunner.Engine.Scheduling;

/// <summary>
/// Durable wakes: one Quartz trigger per run in the store's database, so timed steps, retries,
/// approval timeouts and guard polls survive restarts and fire on any node of a cluster.
/// </summary>
public sealed class QuartzWakeScheduler(ISchedulerFactory schedulers) : IRunWakeScheduler
{
    private const string Group = "run-wake";

    public bool IsDurable => true;

    public async Task ScheduleAsync(string runId, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = new TriggerKey(runId, Group);
        if (at is not { } due)
        {
            await scheduler.UnscheduleJob(key, cancellationToken).ConfigureAwait(false);
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(new JobKey(runId, Group))
            .StartAt(due)
            // A wake that was missed while every node was down fires at once on recovery.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        var job = JobBuilder.Create<RunWakeJob>()
            .WithIdentity(runId, Group)
            .UsingJobData(RunWakeJob.RunIdKey, runId)
            .StoreDurably(false)
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }
}
