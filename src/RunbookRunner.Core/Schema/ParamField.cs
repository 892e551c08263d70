namespace RunbookRunner.Core.Schema;

/// <summary>A named field of an <see cref="ObjectSchema"/>.</summary>
public sealed record ParamField(string Name, ParamSchema Schema, bool Required = false)
{
    public string? Description { get; init; }
}
