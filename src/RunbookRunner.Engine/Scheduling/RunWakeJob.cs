using Quartz;

namespace RunbookRunner.Engine.Scheduling;

/// <summary>The Quartz job behind a run's wake trigger: feeds the run a Tick on whichever node fires it.</summary>
[DisallowConcurrentExecution]
public sealed class RunWakeJob(IRunWakeTarget target, TimeProvider time) : IJob
{
    public const string RunIdKey = "runId";

    /// <summary>Quartz may fire a trigger a little ahead (batch acquisition, millisecond waits); never by more than this.</summary>
    private static readonly TimeSpan MaxEarly = TimeSpan.FromSeconds(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runId = context.MergedJobDataMap.GetString(RunIdKey)
            ?? throw new JobExecutionException($"Wake job {context.JobDetail.Key} has no {RunIdKey}.");

        // A tick before the due instant finds nothing due and costs a second trigger round trip (~15 ms
        // late): wait out the few milliseconds instead. A timer may itself end a little before the wall clock
        // reaches the instant, hence the loop.
        while (context.ScheduledFireTimeUtc is { } due && due - time.GetUtcNow() is var early && early > TimeSpan.Zero && early <= MaxEarly)
        {
            await Task.Delay(early + TimeSpan.FromMilliseconds(1), time, cancellationToken).ConfigureAwait(false);
        }

        await target.WakeAsync(runId, cancellationToken).ConfigureAwait(false);
    }
}
