using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Validation;

/// <summary>Collects diagnostics; caps their number so a pathological file cannot flood the output.</summary>
internal sealed class DiagnosticBag
{
    public const int MaxDiagnostics = 500;

    private readonly List<Diagnostic> items = [];
    private bool truncated;

    public bool HasErrors { get; private set; }

    public IReadOnlyList<Diagnostic> Items => items;

    public void Error(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, message, location));

    public void Warning(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, location));

    private void Add(Diagnostic diagnostic)
    {
        HasErrors |= diagnostic.IsError;
        if (items.Count < MaxDiagnostics)
        {
            items.Add(diagnostic);
        }
        else if (!truncated)
        {
            truncated = true;
            items.Add(new Diagnostic(
                DiagnosticSeverity.Error, DiagnosticCodes.TooLarge, $"more than {MaxDiagnostics} problems; the rest are not shown", diagnostic.Location));
        }
    }

    /// <summary>Diagnostics ordered by position (stable for equal positions).</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)];
}
