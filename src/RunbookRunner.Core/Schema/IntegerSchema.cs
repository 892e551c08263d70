namespace RunbookRunner.Core.Schema;

/// <summary>A whole number within optional bounds.</summary>
public sealed record IntegerSchema : ParamSchema
{
    public long? Min { get; init; }

    public long? Max { get; init; }

    public override string Expected => "a whole number";
}
