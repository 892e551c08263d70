using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using RunbookRunner.Cli.Help;
using RunbookRunner.Server;
using RunbookRunner.Server.Narration;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook serve [--store S] [--urls URL] [--node-id ID] [--log-format text|json]</c>: hosts the server in this process with console
/// narration, prints <c>listening on URL</c> once it accepts requests, and shuts down gracefully on SIGINT/SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public const string DefaultUrls = "http://127.0.0.1:5080";

    private static readonly string[] UrlVariables = ["ASPNETCORE_URLS", "DOTNET_URLS", "URLS"];

    public static Command Create(CliContext context)
    {
        var store = new Option<string?>("--store") { Description = "sqlite:PATH (default sqlite:./runbook-runner.db) or postgres:CONNECTION; overrides Runbook__Store.", HelpName = "STORE" };
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. http://0.0.0.0:5080 (default {DefaultUrls}; port 0 picks a free one).", HelpName = "URLS" };
        var nodeId = new Option<string?>("--node-id") { Description = "This node's id: stable across its restarts, distinct per node (default: the host name).", HelpName = "ID" };
        var logFormat = new Option<string>("--log-format")
        {
            Description = "Console logs (on stderr) as text or json: one JSON object per line with the RunId/StepId scopes, for log collectors.",
            DefaultValueFactory = _ => "text",
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var command = new CliCommand(
            Name,
            "Run the server: REST API, live events, Slack endpoints, durable engine. "
            + "Set OTEL_EXPORTER_OTLP_ENDPOINT to export traces (a run is a trace, each step a span) and metrics over OTLP.",
            [
                "runbook serve",
                "runbook serve --log-format json 2> runbook.log.jsonl",
                "OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 runbook serve",
                "runbook serve --store postgres:Host=db;Database=runbook;Username=runbook --urls http://0.0.0.0:5080 --node-id node-a",
            ])
        {
            store, urls, nodeId, logFormat,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context, parseResult.GetValue(store), parseResult.GetValue(urls), parseResult.GetValue(nodeId), parseResult.GetValue(logFormat) == "json", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? store, string? urls, string? nodeId, bool jsonLogs, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Runbook:ConsoleNarration"] = "true",

            // Per-request logs would drown the narration.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        if (jsonLogs)
        {
            // The console logger's built-in JSON formatter; scopes carry RunId, StepId and Attempt.
            overrides["Logging:Console:FormatterName"] = "json";
            overrides["Logging:Console:FormatterOptions:IncludeScopes"] = "true";
            overrides["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true";
            overrides["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        }

        if (store is not null)
        {
            overrides["Runbook:Store"] = store;
        }

        if (nodeId is not null)
        {
            overrides["Runbook:NodeId"] = nodeId;
        }

        if (urls is not null)
        {
            overrides["urls"] = urls;
        }
        else if (UrlVariables.All(v => string.IsNullOrEmpty(context.GetEnvironmentVariable(v))))
        {
            overrides["urls"] = DefaultUrls;
        }

        WebApplication app;
        try
        {
            var builder = RunbookServer.CreateBuilder([], overrides);

            // Standard output carries "listening on URL" and the narration, which scripts read; logs go to stderr.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.RemoveAll<ConsoleNarrationSink>();
            builder.Services.AddSingleton(new ConsoleNarrationSink(context.Out));
            app = RunbookServer.Build(builder);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                context.Error.WriteLine($"error: {failure}");
            }

            return ExitCodes.InvalidInput;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or OptionsValidationException or InvalidOperationException)
            {
                context.Error.WriteLine($"error: the server could not start: {ex.Message}");
                return ExitCodes.RunFailed;
            }

            foreach (var url in app.Urls)
            {
                context.Out.WriteLine($"listening on {url}");
            }

            context.Out.Flush();
            // Returns once SIGINT/SIGTERM (or the token) asked to stop, after a graceful stop of the host.
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
