using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RunbookRunner.Engine.Telemetry;

namespace RunbookRunner.Server.Observability;

/// <summary>
/// Exports the engine's traces (a run is a trace, each step a span) and metrics, plus ASP.NET Core's and
/// HttpClient's own, over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or configuration).
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> is <c>http/protobuf</c> (default, as the OpenTelemetry specification
/// recommends) or <c>grpc</c>; <c>OTEL_SERVICE_NAME</c> names the service (default <c>runbook-runner</c>).
/// The providers live as long as the host and flush on stop.
/// </summary>
internal sealed partial class OpenTelemetryExport(IConfiguration configuration, ILogger<OpenTelemetryExport> logger) : IHostedService, IDisposable
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    private static readonly string[] Sources = [EngineTelemetry.ActivitySourceName, "Microsoft.AspNetCore", "System.Net.Http"];
    private static readonly string[] Meters =
        [EngineTelemetry.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return Task.CompletedTask;
        }

        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var baseUri))
        {
            throw new InvalidOperationException($"{EndpointKey} '{endpoint}' is not an absolute URL; use e.g. http://otel-collector:4318");
        }

        var grpc = string.Equals(configuration[ProtocolKey], "grpc", StringComparison.OrdinalIgnoreCase);
        var version = typeof(OpenTelemetryExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        var resource = ResourceBuilder.CreateDefault().AddService(configuration[ServiceNameKey] ?? "runbook-runner", serviceVersion: version);
        _tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(Sources)
            .AddOtlpExporter(o => Configure(o, baseUri, grpc, "v1/traces"))
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter(o => Configure(o, baseUri, grpc, "v1/metrics"))
            .Build();
        LogExporting(logger, baseUri, grpc ? "grpc" : "http/protobuf");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Spans of runs that ended just before shutdown are still batched: send them now.
        _tracer?.ForceFlush(5000);
        _meter?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }

    /// <summary>With http/protobuf an endpoint set in code is used as is, so the signal's path is added here, as the SDK does for the environment variable.</summary>
    private static void Configure(OtlpExporterOptions options, Uri baseUri, bool grpc, string signalPath)
    {
        options.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = grpc ? baseUri : new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exporting traces and metrics over OTLP to {Endpoint} ({Protocol})")]
    private static partial void LogExporting(ILogger logger, Uri endpoint, string protocol);
}
