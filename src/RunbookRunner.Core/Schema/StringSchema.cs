namespace RunbookRunner.Core.Schema;

/// <summary>A string; <see cref="Allowed"/> restricts it to fixed values (checked only when it has no <c>${...}</c>).</summary>
public sealed record StringSchema : ParamSchema
{
    public IReadOnlyList<string>? Allowed { get; init; }

    public override string Expected => Allowed is null ? "a string" : "one of " + string.Join(", ", Allowed);
}
