using System.Globalization;
using System.Text.RegularExpressions;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): every line must be a HELP, a TYPE or a sample
/// of a family whose TYPE came first; histograms must have rising buckets ending in +Inf equal to their count.
/// </summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(Dictionary<string, string> types, List<PrometheusSample> samples)
    {
        Types = types;
        Samples = samples;
    }

    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4 || parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped") || !types.TryAdd(parts[2], parts[3]))
                {
                    throw new FormatException($"line {lineNumber}: bad or repeated TYPE: {line}");
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SamplePattern().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"line {lineNumber}: not a sample: {line}");
            }

            var name = match.Groups["name"].Value;
            var family = types.ContainsKey(name) ? name : HistogramSuffix().Replace(name, "");
            if (!types.ContainsKey(family))
            {
                throw new FormatException($"line {lineNumber}: sample {name} has no TYPE before it");
            }

            var labels = LabelPattern().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new PrometheusSample(family, name, labels, value));
        }

        var parsed = new PrometheusText(types, samples);
        parsed.CheckHistograms();
        return parsed;
    }

    /// <summary>The value of the one sample of <paramref name="name"/> with all of <paramref name="labels"/> (name=value), or null.</summary>
    public double? Value(string name, params string[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Has(l))).Select(s => (double?)s.Value).SingleOrDefault();

    /// <summary>The sum over every sample of <paramref name="name"/> with all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params string[] labels) => Samples.Where(s => s.Name == name && labels.All(l => s.Has(l))).Sum(s => s.Value);

    private void CheckHistograms()
    {
        foreach (var family in Types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = Samples.Where(s => s.Name == family + "_bucket").GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").Select(l => $"{l.Key}={l.Value}")));
            foreach (var group in series)
            {
                var buckets = group.Select(s => (Le: s.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s.Labels["le"], CultureInfo.InvariantCulture), s.Value)).ToList();
                if (!double.IsPositiveInfinity(buckets[^1].Le) || buckets.Zip(buckets.Skip(1)).Any(p => p.First.Le >= p.Second.Le || p.First.Value > p.Second.Value))
                {
                    throw new FormatException($"{family}{{{group.Key}}}: buckets must rise and end with +Inf");
                }

                var count = Samples.Single(s => s.Name == family + "_count" && string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}")) == group.Key).Value;
                if (count != buckets[^1].Value)
                {
                    throw new FormatException($"{family}{{{group.Key}}}: +Inf bucket {buckets[^1].Value} differs from count {count}");
                }
            }
        }
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*)\})? (?<value>\S+)$""")]
    private static partial Regex SamplePattern();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\.)*)\x22""")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();
}
