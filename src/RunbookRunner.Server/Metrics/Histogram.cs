namespace RunbookRunner.Server.Metrics;

/// <summary>
/// A Prometheus histogram with labels: per label set, cumulative bucket counts, a sum and a count. An unlabeled
/// histogram shows its (zero) series from the start, so scrapes and alerts never see it absent.
/// </summary>
public sealed class Histogram
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public Histogram(string name, string help, IReadOnlyList<double> bounds, bool labeled = false)
    {
        Name = name;
        Help = help;
        Bounds = bounds;
        if (!labeled)
        {
            _series[""] = new Series(new long[bounds.Count]);
        }
    }

    public string Name { get; }

    public string Help { get; }

    /// <summary>Upper bounds of the buckets, ascending (+Inf is implied).</summary>
    public IReadOnlyList<double> Bounds { get; }

    public void Observe(double value, string labels = "")
    {
        lock (_lock)
        {
            if (!_series.TryGetValue(labels, out var series))
            {
                series = new Series(new long[Bounds.Count]);
                _series[labels] = series;
            }

            for (var i = 0; i < Bounds.Count; i++)
            {
                if (value <= Bounds[i])
                {
                    series.Buckets[i]++;
                }
            }

            series.Sum += value;
            series.Count++;
        }
    }

    /// <summary>A copy of every label set's buckets, sum and count, in label order.</summary>
    public IReadOnlyList<(string Labels, long[] Buckets, double Sum, long Count)> Snapshot()
    {
        lock (_lock)
        {
            return [.. _series.Select(s => (s.Key, s.Value.Buckets.ToArray(), s.Value.Sum, s.Value.Count))];
        }
    }

    private sealed class Series(long[] buckets)
    {
        public long[] Buckets { get; } = buckets;

        public double Sum { get; set; }

        public long Count { get; set; }
    }
}
