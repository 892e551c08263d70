using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine;

/// <summary>Chains the engine's choices after <see cref="EngineServiceCollectionExtensions.AddRunbookEngine"/>.</summary>
public sealed class EngineBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>In-process timers (rehearsals, tests): fast, honour a compressed clock, not durable.</summary>
    public EngineBuilder UseTimerWakes()
    {
        Services.RemoveAll<IRunWakeScheduler>();
        Services.AddSingleton<TimerWakeScheduler>();
        Services.AddSingleton<IRunWakeScheduler>(sp => sp.GetRequiredService<TimerWakeScheduler>());
        return this;
    }

    /// <summary>
    /// Durable wakes in Quartz, in the same database as the runs: SQLite for one node, or PostgreSQL
    /// clustered so any node fires a run's wake and a dead node's triggers are recovered.
    /// </summary>
    public EngineBuilder UseQuartzWakes(bool postgres, string connectionString, string nodeId)
    {
        Services.RemoveAll<IRunWakeScheduler>();
        Services.AddSingleton<IRunWakeScheduler, QuartzWakeScheduler>();
        Services.AddTransient<RunWakeJob>();
        Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "runbook-runner";
                o.InstanceId = nodeId;
                // Idle wait bounds how late a node notices a trigger stored by another node.
                o.IdleWaitTime = TimeSpan.FromSeconds(1);
                // Quartz refuses a batch larger than its thread pool (triggers would wait on this node).
                o.MaxBatchSize = 16;

                // Triggers due within 20 ms of each other fire as one batch (one acquisition round trip);
                // RunWakeJob waits out the few milliseconds a batched wake is early.
                o.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromMilliseconds(20);
            });

            // A wake job only feeds the run a Tick (actions run outside Quartz), so 16 threads drain a burst
            // of due wakes without queueing behind slow database round trips. Quartz signals its scheduler
            // thread itself when this node stores a trigger nearer than the one it is waiting for.
            q.UseDefaultThreadPool(t => t.MaxConcurrency = 16);
            q.UsePersistentStore(s =>
            {
                s.ProvisionSchema();
                s.UseSystemTextJsonSerializer();
                // A wake late by less than this fires normally; later ones (every node was down) fire at once
                // through the misfire path (FireNow), never skipped.
                s.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(10));
                if (postgres)
                {
                    s.UsePostgres(connectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                }
                else
                {
                    s.UseSqlite(connectionString);
                }
            });
        });
        Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return this;
    }
}
