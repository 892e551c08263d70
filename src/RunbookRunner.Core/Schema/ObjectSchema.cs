namespace RunbookRunner.Core.Schema;

/// <summary>
/// A map with known fields. <see cref="ExactlyOneOf"/> lists groups of fields of which exactly one must
/// be given (e.g. <c>run</c> or <c>argv</c>); <see cref="AtMostOneOf"/> groups that exclude each other.
/// </summary>
public sealed record ObjectSchema(IReadOnlyList<ParamField> Fields) : ParamSchema
{
    public IReadOnlyList<IReadOnlyList<string>> ExactlyOneOf { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> AtMostOneOf { get; init; } = [];

    public ParamField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public override string Expected => "a map";
}
