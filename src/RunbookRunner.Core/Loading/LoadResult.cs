using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Loading;

/// <summary>
/// The outcome of loading a runbook: the model (built even when there are errors, where possible; null only when
/// nothing could be built, e.g. a YAML syntax error) and every diagnostic, ordered by position.
/// </summary>
public sealed record LoadResult(Runbook? Runbook, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>True when the runbook loaded without errors (warnings allowed).</summary>
    public bool Succeeded => Runbook is not null && !HasErrors;
}
