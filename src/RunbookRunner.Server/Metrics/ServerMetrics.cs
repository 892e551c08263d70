using System.Collections.Concurrent;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Server.Metrics;

/// <summary>
/// Counters of this node since it started, kept by hand for the Prometheus text format: events seen on the
/// node's feed (steps started, approvals, runs ended) and the latency of people's commands.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>Upper bounds (seconds) of the command latency histogram.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Lock _histogramLock = new();
    private readonly long[] _bucketCounts = new long[Buckets.Length];
    private double _latencySum;
    private long _latencyCount;

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
        var seconds = elapsed.TotalSeconds;
        lock (_histogramLock)
        {
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (seconds <= Buckets[i])
                {
                    _bucketCounts[i]++;
                }
            }

            _latencySum += seconds;
            _latencyCount++;
        }
    }

    /// <summary>Cumulative bucket counts, sum and count of command decision latency.</summary>
    public (long[] Buckets, double Sum, long Count) Latency()
    {
        lock (_histogramLock)
        {
            return ([.. _bucketCounts], _latencySum, _latencyCount);
        }
    }

    private static string Key(string name, string labels) => name + '\u001f' + labels;
}
