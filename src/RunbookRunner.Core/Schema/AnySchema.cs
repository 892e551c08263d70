namespace RunbookRunner.Core.Schema;

/// <summary>Any YAML value (e.g. a JSON body).</summary>
public sealed record AnySchema : ParamSchema
{
    public override string Expected => "any value";
}
