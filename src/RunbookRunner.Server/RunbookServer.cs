using Microsoft.AspNetCore.Builder;
using RunbookRunner.Server.Audit;
using RunbookRunner.Server.Dashboard;
using RunbookRunner.Server.Events;
using RunbookRunner.Server.Health;
using RunbookRunner.Server.Hosting;
using RunbookRunner.Server.Logs;
using RunbookRunner.Server.Metrics;
using RunbookRunner.Server.Reports;
using RunbookRunner.Server.Runbooks;
using RunbookRunner.Server.Runs;
using RunbookRunner.Server.Tokens;
using RunbookRunner.Slack;

namespace RunbookRunner.Server;

/// <summary>
/// The server as a library: <c>runbook serve</c>, tests and other hosts build it with <see cref="CreateBuilder(string[], IReadOnlyDictionary{string, string?}?)"/>
/// and <see cref="Build"/> (API and dashboard), or compose it themselves from <see cref="ServerServiceCollectionExtensions.AddRunbookServer"/>,
/// <see cref="UseRunbookServer"/> and <see cref="MapRunbookApi"/>.
/// </summary>
public static class RunbookServer
{
    /// <summary>
    /// A web application builder with the server registered. <paramref name="overrides"/> are configuration keys
    /// (<c>Runbook:Store</c>, <c>urls</c>) that win over appsettings.json, environment variables and arguments.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (overrides is { Count: > 0 })
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.AddRunbookServer(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the application with the middleware and every endpoint mapped.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseRunbookServer();
        app.MapRunbookApi();
        app.MapRunbookDashboard();
        return app;
    }

    /// <summary>Error handling (problem details), authentication, authorization and the dashboard forms' antiforgery check, in that order.</summary>
    public static WebApplication UseRunbookServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// Maps <c>/api</c> (runs, commands, events, logs, audit, tokens, runbooks), <c>/healthz</c>, <c>/readyz</c>,
    /// <c>/metrics</c>, the OpenAPI document (<c>/openapi/v1.json</c>) and, with Slack configured, <c>/slack/*</c>. Every <c>/api</c> endpoint needs a token; see <see cref="Authorization.RunbookPolicies"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapRunbookApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        api.MapRunEndpoints()
            .MapRunCommandEndpoints()
            .MapEventEndpoints()
            .MapLogEndpoints()
            .MapAuditEndpoints()
            .MapTokenEndpoints()
            .MapRunbookEndpoints()
            .MapReportEndpoints();
        endpoints.MapHealthEndpoints().MapMetricsEndpoints();
        endpoints.MapOpenApi().AllowAnonymous();

        // POST /slack/interactions and /slack/commands, verified by Slack's signature (mapped only when Slack is configured).
        endpoints.MapRunbookSlack();
        return endpoints;
    }
}
