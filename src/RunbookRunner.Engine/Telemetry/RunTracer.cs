using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RunbookRunner.Engine.Feed;

namespace RunbookRunner.Engine.Telemetry;

/// <summary>
/// Follows every run committed on this node through the <see cref="RunEventFeed"/> and records spans and metrics
/// with <see cref="RunSpanRecorder"/>, off the engine's hot path.
/// </summary>
internal sealed partial class RunTracer(RunEventFeed feed, ILogger<RunTracer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe();
        using var recorder = new RunSpanRecorder();
        try
        {
            await foreach (var entry in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    recorder.Record(entry);
                }
                catch (InvalidOperationException e)
                {
                    // Telemetry must never stop the engine; a bad entry costs one span.
                    LogRecordFailed(logger, e, entry.RunId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record telemetry for run {RunId}")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string runId);
}
