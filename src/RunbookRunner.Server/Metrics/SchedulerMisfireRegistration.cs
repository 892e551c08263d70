using Quartz;

namespace RunbookRunner.Server.Metrics;

/// <summary>Attaches <see cref="SchedulerMisfireListener"/> to the Quartz scheduler when there is one (Quartz wakes).</summary>
internal sealed class SchedulerMisfireRegistration(IServiceProvider services, ServerMetrics metrics) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            scheduler.ListenerManager.AddTriggerListener(new SchedulerMisfireListener(metrics));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
