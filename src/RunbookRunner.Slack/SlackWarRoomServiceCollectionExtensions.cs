using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Narration;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Background;
using RunbookRunner.Slack.Commands;
using RunbookRunner.Slack.Interactions;
using RunbookRunner.Slack.Narration;
using RunbookRunner.Slack.WarRoom;

namespace RunbookRunner.Slack;

/// <summary>Registers the Slack war room: narration to Slack, buttons and modals, the <c>/runbook</c> command.</summary>
public static class SlackWarRoomServiceCollectionExtensions
{
    /// <summary>
    /// When <c>Slack:BotToken</c> is set: the Slack client (<c>Slack:*</c>, validated at start-up), the narration
    /// sink for target <c>slack</c> (added to the engine's narration targets), the interaction and slash-command
    /// handlers and their background worker. Without a bot token nothing is registered and other narration (the
    /// console) goes on alone. Needs the storage ports (<c>AddRunbookStorage</c>) and the engine (<c>AddRunbookEngine</c>);
    /// map the endpoints with <c>MapRunbookSlack()</c>.
    /// </summary>
    public static IServiceCollection AddRunbookSlackWarRoom(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]))
        {
            return services;
        }

        services.AddRunbookSlack(section);
        services.AddOptions<SlackWarRoomOptions>()
            .Bind(section)
            .Configure(o =>
            {
                if (configuration["Runbook:RunbooksPath"] is { Length: > 0 } path)
                {
                    o.RunbooksPath = path;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackWarRoomOptions>, SlackWarRoomOptionsValidator>());
        services.Configure<EngineOptions>(o =>
        {
            if (!o.NarrationTargets.Contains(SlackNarrationSink.TargetName))
            {
                o.NarrationTargets.Add(SlackNarrationSink.TargetName);
            }
        });

        // Typed HTTP clients are transient by design; singletons ask for one per use.
        services.TryAddSingleton<Func<ISlackClient>>(sp => () => sp.GetRequiredService<ISlackClient>());
        services.TryAddSingleton(sp => new SlackNarrationSink(
            sp.GetRequiredService<Func<ISlackClient>>(),
            sp.GetRequiredService<INarrationStateStore>(),
            sp.GetRequiredService<IRunStore>(),
            sp.GetRequiredService<IStepLogStore>(),
            sp.GetRequiredService<IOptions<SlackWarRoomOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackNarrationSink>>(),
            sp.GetService<IOptions<EngineOptions>>()?.Value.PublicUrl));
        services.AddSingleton<INarrationSink>(sp => sp.GetRequiredService<SlackNarrationSink>());

        services.TryAddSingleton<SlackBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        services.TryAddSingleton<WarRoomPermissions>();
        services.TryAddSingleton<WarRoomSubmitter>();
        services.TryAddSingleton<SlackInteractionHandler>();
        services.TryAddSingleton(sp => new RunbookDirectory(
            sp.GetRequiredService<IOptions<SlackWarRoomOptions>>(),
            sp.GetService<IHostEnvironment>()?.ContentRootPath));
        services.TryAddSingleton<SlashCommandHandler>();
        return services;
    }
}
