namespace RunbookRunner.Core.Model;

/// <summary>
/// A YAML value tree (scalar, list or map) with source positions, used for action parameters,
/// variables and environment values so validation and run-time errors can point at the source.
/// </summary>
public abstract record ParamValue(SourceLocation Location);
