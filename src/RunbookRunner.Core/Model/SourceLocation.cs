namespace RunbookRunner.Core.Model;

/// <summary>A position in a runbook file, 1-based, as shown in diagnostics (<c>file:line:col</c>).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for model elements built in code rather than loaded from a file.</summary>
    public static SourceLocation None { get; } = new(string.Empty, 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
