using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub;

/// <summary>Registers the GitHub REST client.</summary>
public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGitHubClient"/> as a typed <see cref="HttpClient"/> with validated <see cref="GitHubOptions"/>.
    /// Returns the HTTP client builder, so callers can add handlers or replace the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddRunbookGitHub(this IServiceCollection services, Action<GitHubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GitHubOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GitHubRequestThrottle>();
        return services
            .AddHttpClient<IGitHubClient, GitHubRestClient>((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<GitHubOptions>>().Value.RequestTimeout)
            // The client follows redirects itself: it must repeat writes with their body and keep the token on the same host.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
    }

    /// <summary>Same, binding <see cref="GitHubOptions"/> from a configuration section (usually <c>GitHub</c>) and then <paramref name="configure"/>.</summary>
    public static IHttpClientBuilder AddRunbookGitHub(this IServiceCollection services, IConfiguration configuration, Action<GitHubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GitHubOptions>().Bind(configuration);
        return services.AddRunbookGitHub(configure);
    }
}
