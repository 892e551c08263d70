namespace RunbookRunner.Core.Schema;

/// <summary>A number (integer or decimal).</summary>
public sealed record NumberSchema : ParamSchema
{
    public override string Expected => "a number";
}
