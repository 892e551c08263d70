using RunbookRunner.Core.Diagnostics;

namespace RunbookRunner.Cli.Output.Json;

/// <summary>A diagnostic in JSON output.</summary>
internal sealed record DiagnosticDocument(string Severity, string Code, string Message, string File, int Line, int Column)
{
    public static DiagnosticDocument From(Diagnostic d) =>
        new(d.IsError ? "error" : "warning", d.Code, d.Message, d.Location.File, d.Location.Line, d.Location.Column);
}
