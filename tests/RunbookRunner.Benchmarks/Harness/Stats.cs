namespace RunbookRunner.Benchmarks.Harness;

/// <summary>Order statistics over samples (nearest-rank percentiles).</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> samples) => Percentile(samples, 50);

    public static double Percentile(IEnumerable<double> samples, double percent)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Max(IEnumerable<double> samples) => samples.DefaultIfEmpty(double.NaN).Max();
}
