namespace RunbookRunner.Core.Model;

/// <summary>Where a secret comes from: <c>env:NAME</c> or <c>file:/path</c>. The value itself is never in the model.</summary>
public sealed record SecretSource(SecretSourceKind Kind, string Reference, SourceLocation Location)
{
    public override string ToString() => $"{(Kind == SecretSourceKind.Env ? "env" : "file")}:{Reference}";
}
