namespace RunbookRunner.Core.Loading;

/// <summary>Where a scalar ends and how it was written, to point diagnostics inside its text.</summary>
internal sealed record ScalarSpan(int EndLine, int EndColumn, bool Plain, bool FlowQuoted);
