namespace RunbookRunner.Core.Schema;

/// <summary>A list whose items all have one shape.</summary>
public sealed record ListSchema(ParamSchema Items) : ParamSchema
{
    public int? MaxItems { get; init; }

    public override string Expected => "a list of " + Items.Expected.Replace("a ", string.Empty, StringComparison.Ordinal).TrimEnd() + "s";
}
