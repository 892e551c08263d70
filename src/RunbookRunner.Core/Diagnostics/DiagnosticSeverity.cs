namespace RunbookRunner.Core.Diagnostics;

/// <summary>Errors stop a runbook from running; warnings point at something suspicious.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
