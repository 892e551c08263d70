using System.Collections.Concurrent;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Server.Metrics;

/// <summary>
/// Counters and histograms of this node since it started, kept by hand for the Prometheus text format: events seen
/// on the node's feed (steps, approvals, runs ended), step durations and lateness, approval waits, calls to Slack and
/// GitHub, scheduler misfires, and the latency of people's commands.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>Upper bounds (seconds) of the command latency histogram.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Counters that exist from the start (at 0), so alerts on them never see an absent series.</summary>
    public static readonly string[] AlwaysPresent = ["runbook_scheduler_misfires_total", "runbook_steps_started_total", "runbook_steps_failed_total"];

    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    public ServerMetrics()
    {
        foreach (var name in AlwaysPresent)
        {
            _counters[Key(name, "")] = 0;
        }
    }

    public Histogram CommandDuration { get; } = new("runbook_command_duration_seconds", "Time to decide and commit a person's command (API).", Buckets);

    public Histogram StepDuration { get; } = new(
        "runbook_step_duration_seconds", "Duration of step attempts that ended on this node, by outcome.", [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600], labeled: true);

    public Histogram StepLateness { get; } = new(
        "runbook_step_lateness_seconds", "How long after its planned time (at: T±...) a timed step started.", [0, 1, 5, 15, 30, 60, 300, 900, 1800, 3600]);

    public Histogram ApprovalWait { get; } = new(
        "runbook_approval_wait_seconds", "Time from an approval request to its decision, by decision.", [5, 30, 60, 300, 600, 1800, 3600, 7200, 21600], labeled: true);

    /// <summary>Every histogram, in output order.</summary>
    public IReadOnlyList<Histogram> Histograms => [CommandDuration, StepDuration, StepLateness, ApprovalWait];

    public void Increment(string name, string labels = "") => _counters.AddOrUpdate(Key(name, labels), 1, (_, v) => v + 1);

    public long Get(string name, string labels = "") => _counters.TryGetValue(Key(name, labels), out var v) ? v : 0;

    /// <summary>Counters as (name, labels, value), sorted for stable output.</summary>
    public IReadOnlyList<(string Name, string Labels, long Value)> Counters() =>
        [.. _counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            var parts = c.Key.Split('\u001f', 2);
            return (parts[0], parts[1], c.Value);
        })];

    public void ObserveCommand(string action, TimeSpan elapsed, SubmitOutcome outcome)
    {
        Increment("runbook_commands_total", $"action=\"{action}\",outcome=\"{outcome.ToString().ToLowerInvariant()}\"");
        CommandDuration.Observe(elapsed.TotalSeconds);
    }

    /// <summary>Cumulative bucket counts, sum and count of command decision latency.</summary>
    public (long[] Buckets, double Sum, long Count) Latency()
    {
        var series = CommandDuration.Snapshot();
        return series.Count == 0 ? (new long[Buckets.Length], 0, 0) : (series[0].Buckets, series[0].Sum, series[0].Count);
    }

    private static string Key(string name, string labels) => name + '\u001f' + labels;
}
