using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Diagnostics;

/// <summary>An error or warning about a runbook, printed compiler style: <c>file:line:col: error RB012: message</c>.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
