using RunbookRunner.Core.Diagnostics;

namespace RunbookRunner.Cli.Output;

/// <summary>The outcome of validating one file (or a folder without runbooks).</summary>
internal sealed record FileValidation(string Path, int? Steps, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Ok => !Diagnostics.Any(d => d.IsError);
}
