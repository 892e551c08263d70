namespace RunbookRunner.Core.Model;

/// <summary>A YAML mapping; entries keep their source order and the location of each key.</summary>
public sealed record MapValue(IReadOnlyList<MapEntry> Entries, SourceLocation Location) : ParamValue(Location)
{
    public static MapValue Empty { get; } = new([], SourceLocation.None);

    public ParamValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key)?.Value;

    public bool ContainsKey(string key) => Entries.Any(e => e.Key == key);

    /// <summary>The text of a scalar entry, or null when absent or not a scalar.</summary>
    public string? GetString(string key) => this[key] is ScalarValue { IsNull: false } s ? s.Text : null;
}
