using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.RateLimiting;
using RunbookRunner.Slack.Security;

namespace RunbookRunner.Slack;

/// <summary>Registers the Slack client, request verifier and options.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Adds Slack with options bound from <paramref name="slackSection"/> (pass
    /// <c>configuration.GetSection(SlackOptions.SectionName)</c>), validated at start-up.
    /// Returns the typed <see cref="HttpClient"/> builder of <see cref="ISlackClient"/> to add handlers to.
    /// </summary>
    public static IHttpClientBuilder AddRunbookSlack(this IServiceCollection services, IConfiguration slackSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(slackSection);
        return AddSlackServices(services, services.AddOptions<SlackOptions>().Bind(slackSection));
    }

    /// <summary>Adds Slack with options set in code, validated at start-up.</summary>
    public static IHttpClientBuilder AddRunbookSlack(this IServiceCollection services, Action<SlackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddSlackServices(services, services.AddOptions<SlackOptions>().Configure(configure));
    }

    private static IHttpClientBuilder AddSlackServices(IServiceCollection services, OptionsBuilder<SlackOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        // Pacing and Retry-After state must outlive the transient typed clients, so they are singletons.
        services.TryAddSingleton(sp => new SlackChannelPacer(sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SlackMethodGate(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SlackRequestVerifier(sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<TimeProvider>()));

        // Each attempt has its own timeout (SlackOptions.RequestTimeout); HttpClient's own would cut across retries.
        return services.AddHttpClient<ISlackClient, SlackWebApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
    }
}
