namespace RunbookRunner.Core.Schema;

/// <summary>true or false.</summary>
public sealed record BooleanSchema : ParamSchema
{
    public override string Expected => "true or false";
}
