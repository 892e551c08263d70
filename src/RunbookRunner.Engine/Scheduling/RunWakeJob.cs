using Quartz;

namespace RunbookRunner.Engine.Scheduling;

/// <summary>The Quartz job behind a run's wake trigger: feeds the run a Tick on whichever node fires it.</summary>
[DisallowConcurrentExecution]
public sealed class RunWakeJob(IRunWakeTarget target) : IJob
{
    public const string RunIdKey = "runId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runId = context.MergedJobDataMap.GetString(RunIdKey)
            ?? throw new JobExecutionException($"Wake job {context.JobDetail.Key} has no {RunIdKey}.");
        await target.WakeAsync(runId, cancellationToken).ConfigureAwait(false);
    }
}
