namespace RunbookRunner.Core.Schema;

/// <summary>A value matching at least one of several shapes (e.g. 200, [200, 204] or "2xx").</summary>
public sealed record OneOfSchema(IReadOnlyList<ParamSchema> Options) : ParamSchema
{
    public override string Expected => string.Join(" or ", Options.Select(o => o.Expected));
}
