namespace RunbookRunner.Core.Expressions;

/// <summary>
/// One <c>${...}</c> reference found in a text. <see cref="Offset"/> and <see cref="Length"/> cover the
/// whole reference including <c>${</c> and <c>}</c>. For <see cref="TemplateReferenceKind.StepOutput"/>,
/// <see cref="StepId"/> is the step and <see cref="Name"/> the output; otherwise <see cref="Name"/> is the
/// variable, secret or run property.
/// </summary>
public sealed record TemplateReference(
    TemplateReferenceKind Kind,
    string Expression,
    string Name,
    int Offset,
    int Length)
{
    public string? StepId { get; init; }

    /// <summary>Why the reference is malformed, for <see cref="TemplateReferenceKind.Invalid"/>.</summary>
    public string? Error { get; init; }

    public override string ToString() => "${" + Expression + "}";
}
