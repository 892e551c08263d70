namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>One sample line: its family, name, labels and value.</summary>
internal sealed record PrometheusSample(string Family, string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>True when the sample carries <paramref name="label"/> written as <c>name=value</c>.</summary>
    public bool Has(string label)
    {
        var parts = label.Split('=', 2);
        return Labels.TryGetValue(parts[0], out var value) && value == parts[1];
    }
}
