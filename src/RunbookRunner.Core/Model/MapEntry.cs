namespace RunbookRunner.Core.Model;

/// <summary>One key of a <see cref="MapValue"/>, with the key's own position.</summary>
public sealed record MapEntry(string Key, SourceLocation KeyLocation, ParamValue Value);
