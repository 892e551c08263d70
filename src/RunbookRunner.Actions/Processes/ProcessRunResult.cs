namespace RunbookRunner.Actions.Processes;

/// <summary>How a process ended and the tail of what it printed.</summary>
internal sealed record ProcessRunResult(
    int ProcessId,
    int ExitCode,
    string Stdout,
    bool StdoutTruncated,
    string Stderr,
    bool StderrTruncated,
    TimeSpan Duration)
{
    /// <summary>The last non-empty stderr line, for one-line failure summaries.</summary>
    public string? LastErrorLine =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
