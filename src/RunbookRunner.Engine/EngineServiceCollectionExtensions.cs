using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Feed;
using RunbookRunner.Engine.Narration;
using RunbookRunner.Engine.Recovery;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Scheduling;

namespace RunbookRunner.Engine;

/// <summary>Registers the run engine.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine, the outbox dispatcher and recovery. Needs the storage ports, actions
    /// (<see cref="IStepAction"/>), and optionally an <see cref="IGuardProbe"/> and narration sinks.
    /// Wakes default to in-process timers; call <see cref="EngineBuilder.UseQuartzWakes"/> for durable ones.
    /// </summary>
    public static EngineBuilder AddRunbookEngine(this IServiceCollection services, Action<EngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunEventFeed>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<EngineActivity>();
        services.TryAddSingleton(sp => new CommandRunner(
            sp.GetServices<IStepAction>(),
            sp.GetService<IGuardProbe>(),
            sp.GetRequiredService<IStepLogStore>(),
            sp.GetRequiredService<IRunWakeScheduler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EngineOptions>>().Value,
            sp.GetRequiredService<EngineActivity>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<CommandRunner>()));
        services.TryAddSingleton<RunEngine>();
        services.TryAddSingleton<IRunWakeTarget>(sp => sp.GetRequiredService<RunEngine>());
        services.TryAddSingleton(sp => new Lazy<IRunWakeTarget>(sp.GetRequiredService<IRunWakeTarget>));
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.TryAddSingleton<RecoveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<RecoveryService>());

        // Spans (a run is a trace, each step a span) and metrics, recorded from the committed events.
        services.AddHostedService<Telemetry.RunTracer>();
        services.AddHostedService<Rehearsal.RehearsalAutoApprover>();
        return new EngineBuilder(services).UseTimerWakes();
    }
}
