using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RunbookRunner.Contracts.Health;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine;
using RunbookRunner.Engine.Recovery;

namespace RunbookRunner.Server.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: the store answers and accepts writes, and this
/// node has resumed every unfinished run (readiness); 503 otherwise, with what is missing.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok\n")).AllowAnonymous().WithTags("Health");
        endpoints.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
        return endpoints;
    }

    private static async Task<JsonHttpResult<ReadinessDto>> ReadyAsync(
        IStoreHealth health, RecoveryService recovery, IOptions<EngineOptions> engine, CancellationToken cancellationToken)
    {
        var store = await health.CheckAsync(cancellationToken);
        var recovered = recovery.Ready.Task.IsCompletedSuccessfully;
        var ready = store.IsHealthy && recovered;
        return TypedResults.Json(
            new ReadinessDto(ready, engine.Value.NodeId, store.Provider, store.Description, recovered),
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
