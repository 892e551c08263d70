using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RunbookRunner.Server.OpenApi;

/// <summary>Title, version and description of the API document, and the bearer token scheme every <c>/api</c> call uses.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var version = typeof(ApiDocumentTransformer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        document.Info = new OpenApiInfo
        {
            Title = "RunbookRunner API",
            Version = version ?? "0.0.0",
            Description = "Start, watch and steer launch-day runs: approvals, manual tasks, retries, pause, abort and rollback. "
                + "Every /api call needs a bearer token (`runbook tokens create --role viewer|operator|approver|admin`). "
                + "Errors are RFC 9457 problem details with a stable `code`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token created with `runbook tokens create` or POST /api/tokens.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
