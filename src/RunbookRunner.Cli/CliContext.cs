namespace RunbookRunner.Cli;

/// <summary>
/// What a command may touch outside its arguments: where output goes, the clock, and environment variables.
/// Tests pass their own writers and clock to run the CLI in-process.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where interactive answers come from; null when nobody is at a terminal.</summary>
    public TextReader? In { get; init; }

    /// <summary>Reads an environment variable (<c>RUNBOOK_URL</c>, <c>RUNBOOK_TOKEN</c>, ...).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
