using RunbookRunner.Core.Diagnostics;

namespace RunbookRunner.Engine.Runs;

/// <summary>A run was asked for with a runbook that has errors; carries every diagnostic.</summary>
public sealed class RunbookInvalidException : Exception
{
    public RunbookInvalidException(IReadOnlyList<Diagnostic> diagnostics)
        : base("The runbook has errors:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, diagnostics?.Where(d => d.IsError) ?? []))
    {
        Diagnostics = diagnostics ?? [];
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
