namespace RunbookRunner.Core.Model;

/// <summary>A YAML sequence.</summary>
public sealed record ListValue(IReadOnlyList<ParamValue> Items, SourceLocation Location) : ParamValue(Location);
