using System.Globalization;
using System.Text;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Server.Metrics;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format (0.0.4): unfinished runs by state, the narration backlog, and this
/// node's counters (steps, approvals, runs ended, Slack/GitHub calls, scheduler misfires) and histograms (step
/// durations, lateness of timed steps, approval waits, command latency). docs/OPERATIONS.md lists what to alert on.
/// Anonymous, like health checks: it holds counts, never run content.
/// </summary>
public static class MetricsEndpoints
{
    private const int MaxRunPages = 20;

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/metrics", WriteAsync).AllowAnonymous().WithTags("Health");
        return endpoints;
    }

    private static async Task<IResult> WriteAsync(IRunStore runs, IOutboxStore outbox, ServerMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var byState = RunStates.All.Where(s => !RunStates.IsTerminal(s)).ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxRunPages; page++)
        {
            var result = await runs.ListRunsAsync(new RunQuery { Unfinished = true, Cursor = cursor, PageSize = 500 }, cancellationToken);
            foreach (var run in result.Items)
            {
                byState[run.State] = byState.GetValueOrDefault(run.State) + 1;
            }

            cursor = result.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        Header(text, "runbook_runs", "gauge", "Unfinished runs by state.");
        foreach (var (state, runCount) in byState.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Line(text, "runbook_runs", $"state=\"{state}\"", runCount);
        }

        var backlog = await outbox.GetBacklogAsync(cancellationToken);
        Header(text, "runbook_outbox_pending", "gauge", "Narration messages not yet delivered.");
        Line(text, "runbook_outbox_pending", "", backlog.Pending);
        Header(text, "runbook_outbox_oldest_age_seconds", "gauge", "Age of the oldest undelivered narration message.");
        Line(text, "runbook_outbox_oldest_age_seconds", "", backlog.OldestCreatedAt is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0);

        string? current = null;
        foreach (var (name, labels, value) in metrics.Counters())
        {
            if (name != current)
            {
                Header(text, name, "counter", $"{name.Replace('_', ' ')} on this node since it started.");
                current = name;
            }

            Line(text, name, labels, value);
        }

        foreach (var histogram in metrics.Histograms)
        {
            Header(text, histogram.Name, "histogram", histogram.Help);
            foreach (var (labels, buckets, sum, count) in histogram.Snapshot())
            {
                var prefix = labels.Length > 0 ? labels + "," : "";
                for (var i = 0; i < histogram.Bounds.Count; i++)
                {
                    Line(text, histogram.Name + "_bucket", $"{prefix}le=\"{histogram.Bounds[i].ToString(CultureInfo.InvariantCulture)}\"", buckets[i]);
                }

                Line(text, histogram.Name + "_bucket", prefix + "le=\"+Inf\"", count);
                Line(text, histogram.Name + "_sum", labels, sum);
                Line(text, histogram.Name + "_count", labels, count);
            }
        }

        return TypedResults.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }
}
