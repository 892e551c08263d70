using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Dns;
using RunbookRunner.Actions.GitHub;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Postgres;
using RunbookRunner.Actions.Shell;
using RunbookRunner.Actions.Slack;
using RunbookRunner.Core.Execution;
using RunbookRunner.GitHub;

namespace RunbookRunner.Actions.DependencyInjection;

/// <summary>Registers the built-in step actions, their HTTP clients and <see cref="ActionsOptions"/>.</summary>
public static class ActionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds every built-in action as an <see cref="IStepAction"/>, the <see cref="ActionRegistry"/>, the GitHub client (if absent) and
    /// <see cref="ActionsOptions"/> bound from <c>Actions:*</c>, <c>Cloudflare:*</c> and <c>Slack:*</c>, validated at
    /// start-up. Returns the options builder so callers can chain further configuration.
    /// </summary>
    public static OptionsBuilder<ActionsOptions> AddRunbookActions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActionsOptions>, ActionsOptionsValidator>());
        var options = services.AddOptions<ActionsOptions>()
            .Configure(o => Bind(o, configuration))
            .ValidateOnStart();

        // The factory's own logging writes every request URL at Information level, and runbook URLs may carry
        // ${secrets.x} (the security suite's canary found one in the log): these clients log nothing themselves.
        services.AddHttpClient(HttpClientNames.Probe, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new CertificatePins(sp.GetRequiredService<IOptions<ActionsOptions>>().Value.TrustedCertificates).CreateHandler())
            .RemoveAllLoggers();
        services.AddHttpClient(HttpClientNames.Cloudflare, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddHttpClient(HttpClientNames.Slack, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();

        // The github.* actions need the GitHub client; register it (GitHub:* settings) unless the host already did.
        if (!services.Any(d => d.ServiceType == typeof(IGitHubClient)))
        {
            services.AddRunbookGitHub(configuration.GetSection(GitHubOptions.SectionName));
        }

        services.TryAddSingleton<PostgresTools>();
        services.TryAddSingleton<CloudflareApi>();
        AddAction<ShellAction>(services);
        AddAction<HttpAction>(services);
        AddAction<HttpCheckAction>(services);
        AddAction<HttpWaitAction>(services);
        AddAction<PostgresBackupAction>(services);
        AddAction<PostgresRestoreAction>(services);
        AddAction<SqlAction>(services);
        AddAction<CloudflareDnsAction>(services);
        AddAction<DnsCheckAction>(services);
        AddAction<SlackPostAction>(services);
        AddAction<GitHubCommitStatusAction>(services);
        AddAction<GitHubOpenIssuesAction>(services);
        AddAction<GitHubDeploymentAction>(services);
        AddAction<GitHubReleaseAction>(services);
        AddAction<GitHubWorkflowAction>(services);
        services.TryAddSingleton<ActionRegistry>();
        services.TryAddSingleton<Core.Execution.IGuardProbe, Guards.HttpGuardProbe>();
        return options;
    }

    private static void AddAction<T>(IServiceCollection services)
        where T : class, IStepAction =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepAction, T>());

    private static void Bind(ActionsOptions o, IConfiguration configuration)
    {
        configuration.GetSection(ActionsOptions.SectionName).Bind(o);
        if (configuration["Cloudflare:ApiBaseUrl"] is { Length: > 0 } cloudflare)
        {
            o.CloudflareApiBaseUrl = new Uri(cloudflare, UriKind.RelativeOrAbsolute);
        }

        o.CloudflareApiToken = configuration["Cloudflare:ApiToken"] is { Length: > 0 } cfToken ? cfToken : o.CloudflareApiToken;
        if (configuration["Slack:ApiBaseUrl"] is { Length: > 0 } slack)
        {
            o.SlackApiBaseUrl = new Uri(slack, UriKind.RelativeOrAbsolute);
        }

        o.SlackBotToken = configuration["Slack:BotToken"] is { Length: > 0 } slackToken ? slackToken : o.SlackBotToken;
    }
}
