namespace RunbookRunner.Core.Schema;

/// <summary>
/// The shape of an action parameter. Each built-in action declares its parameters with these so the
/// validator can check a runbook before it runs, and so the JSON Schema for editors can be generated.
/// </summary>
public abstract record ParamSchema
{
    public string? Description { get; init; }

    /// <summary>Short name of the expected shape for error messages ("a string", "a list of strings").</summary>
    public abstract string Expected { get; }
}
