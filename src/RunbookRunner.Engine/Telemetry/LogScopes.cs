using Microsoft.Extensions.Logging;

namespace RunbookRunner.Engine.Telemetry;

/// <summary>
/// Log scopes that tag every line written while the engine works on a run or a step with <c>RunId</c> (and
/// <c>StepId</c>, <c>Attempt</c>), so logs correlate with traces and the journal (JSON console logs show them).
/// </summary>
public static class LogScopes
{
    public const string RunId = "RunId";
    public const string StepId = "StepId";
    public const string Attempt = "Attempt";

    public static IDisposable? ForRun(ILogger logger, string runId) =>
        logger?.BeginScope(new Dictionary<string, object?> { [RunId] = runId });

    public static IDisposable? ForStep(ILogger logger, string runId, string stepId, int attempt) =>
        logger?.BeginScope(new Dictionary<string, object?> { [RunId] = runId, [StepId] = stepId, [Attempt] = attempt });
}
