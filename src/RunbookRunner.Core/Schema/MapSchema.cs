namespace RunbookRunner.Core.Schema;

/// <summary>A map with free keys and values of one shape (e.g. headers, env).</summary>
public sealed record MapSchema(ParamSchema Values) : ParamSchema
{
    public override string Expected => "a map";
}
