using Microsoft.AspNetCore.Diagnostics;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Server.Problems;

/// <summary>Maps exceptions that escape an endpoint to problem details (through <see cref="ApiProblems"/>).</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = exception switch
        {
            RunbookInvalidException invalid => ApiProblems.InvalidRunbook(invalid.Diagnostics),
            RunNotFoundException notFound => ApiProblems.RunNotFound(notFound.RunId),
            StoreUnavailableException unavailable => Unavailable(httpContext, unavailable),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.Create(
                StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge, "Request body too large", "the request body is larger than the server accepts (Runbook__MaxRequestBodyBytes)"),
            BadHttpRequestException bad => ApiProblems.Create(bad.StatusCode, ProblemCodes.InvalidRequest, "Invalid request", Describe(bad)),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled error in {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            result = ApiProblems.Create(StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "Internal error", "the server failed; see its log for details");
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unavailable(HttpContext context, StoreUnavailableException ex)
    {
        logger.LogWarning("Store unavailable during {Method} {Path}: {Error}", context.Request.Method, context.Request.Path, ex.Message);
        context.Response.Headers.RetryAfter = "5";
        return ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.StoreUnavailable, "Store unavailable", ex.Message);
    }

    // The JSON reader's message names the bad token and its position, which is what a client needs to fix it.
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json ? $"the body is not valid JSON: {json.Message}" : bad.Message;
}
