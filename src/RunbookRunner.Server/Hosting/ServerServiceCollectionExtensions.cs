using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.DependencyInjection;
using RunbookRunner.Actions.Http;
using RunbookRunner.Contracts;
using RunbookRunner.Core.Narration;
using RunbookRunner.Engine;
using RunbookRunner.GitHub;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Configuration;
using RunbookRunner.Server.Dashboard;
using RunbookRunner.Server.Events;
using RunbookRunner.Server.Metrics;
using RunbookRunner.Server.Narration;
using RunbookRunner.Server.Observability;
using RunbookRunner.Server.OpenApi;
using RunbookRunner.Server.Problems;
using RunbookRunner.Server.Reports;
using RunbookRunner.Server.Runbooks;
using RunbookRunner.Server.Runs;
using RunbookRunner.Slack;
using RunbookRunner.Slack.Api;
using RunbookRunner.Storage;

namespace RunbookRunner.Server.Hosting;

/// <summary>Registers the whole server: options, storage, engine, wakes, authentication, the API's services.</summary>
public static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ServerOptions"/> from section <c>Runbook</c> and validates them now (every failure at once),
    /// because the store and node id decide what is registered. Then adds storage, schema migration at start-up, the
    /// engine with durable Quartz wakes (or timers), the built-in step actions (<c>Actions:*</c>, <c>Cloudflare:*</c>,
    /// <c>Slack:*</c>), console narration when asked, bearer-token authentication, the role policies and the API's services.
    /// </summary>
    /// <exception cref="OptionsValidationException">The configuration has errors; the message lists them all.</exception>
    public static RunbookServerBuilder AddRunbookServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ServerOptions.Section);
        var options = section.Get<ServerOptions>() ?? new ServerOptions();
        var validation = new ServerOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(ServerOptions.Section, typeof(ServerOptions), validation.Failures);
        }

        services.AddOptions<ServerOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        // First hosted service: the schema is current before the engine recovers runs or Quartz starts.
        services.AddHostedService<StoreMigrationService>();
        services.AddRunbookStorage(options.Store);
        var engine = services.AddRunbookEngine(o =>
        {
            // Engine tuning from the same section (Runbook__NodeTimeout, Runbook__OrphanSweepInterval, ...).
            section.Bind(o);
            if (StoreConnection.Parse(options.Store).Provider != StoreProvider.Postgres)
            {
                // A SQLite store has one node: nobody takes its steps over, so losing the heartbeat is no reason to
                // stop them (a read-only or locked file would otherwise kill a migration half-way).
                o.FenceAfter ??= TimeSpan.MaxValue;
            }

            o.NodeId = options.NodeId;
            o.PublicUrl = options.PublicUrl;
            if (options.ConsoleNarration)
            {
                o.NarrationTargets.Add(ConsoleNarrationSink.TargetName);
            }
        });

        // The Slack war room (narration, buttons, /runbook) when Slack:BotToken is set; nothing otherwise.
        services.AddRunbookSlackWarRoom(configuration);
        if (options.Wakes == WakeMode.Quartz)
        {
            var store = StoreConnection.Parse(options.Store);
            engine.UseQuartzWakes(store.Provider == StoreProvider.Postgres, QuartzStore.ConnectionString(store), options.NodeId);
        }

        if (options.ConsoleNarration)
        {
            // A host may register its own ConsoleNarrationSink (another writer) before or after this call.
            services.TryAddSingleton(new ConsoleNarrationSink(Console.Out));
            services.AddSingleton<INarrationSink>(sp => sp.GetRequiredService<ConsoleNarrationSink>());
        }

        services.AddRunbookActions(configuration);
        services.AddAuthentication(TokenAuthenticationDefaults.Scheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationDefaults.Scheme, null)
            .AddDashboardCookie();
        services.AddAuthorization(o =>
        {
            RunbookPolicies.Add(o);
            DashboardAuthentication.AddPolicy(o);
        });
        services.AddRazorComponents();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.AddCode);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiExamplesTransformer>();
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.TryAddSingleton<RunbookSnapshots>();
        services.TryAddSingleton<RunViews>();
        services.TryAddSingleton<RunCommands>();
        services.TryAddSingleton<RunStarter>();
        services.TryAddSingleton<RefusalAudit>();
        services.TryAddSingleton<RunbookCatalog>();
        services.TryAddSingleton<EventReader>();
        services.TryAddSingleton<RunReports>();
        services.TryAddSingleton<RunPageLoader>();
        services.TryAddSingleton<EventStreamWriter>();
        services.TryAddSingleton<ServerMetrics>();
        services.AddHostedService<MetricsCollector>();
        services.AddHostedService<SchedulerMisfireRegistration>();
        AddCallMetrics(services, nameof(ISlackClient), OutboundCallMetricsHandler.Slack, slackBody: true);
        AddCallMetrics(services, HttpClientNames.Slack, OutboundCallMetricsHandler.Slack, slackBody: true);
        AddCallMetrics(services, nameof(IGitHubClient), OutboundCallMetricsHandler.GitHub, slackBody: false);
        services.AddHostedService<OpenTelemetryExport>();
        return new RunbookServerBuilder(services, engine, options);
    }

    // Typed clients are named after their interface, so this reaches the Slack and GitHub clients registered elsewhere.
    private static void AddCallMetrics(IServiceCollection services, string client, string service, bool slackBody) =>
        services.AddHttpClient(client).AddHttpMessageHandler(sp => new OutboundCallMetricsHandler(sp.GetRequiredService<ServerMetrics>(), service, slackBody));
}
