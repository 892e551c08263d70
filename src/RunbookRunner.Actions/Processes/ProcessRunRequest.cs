namespace RunbookRunner.Actions.Processes;

/// <summary>What to start: a program, its arguments, directory and environment changes.</summary>
internal sealed record ProcessRunRequest(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set; a null value removes the variable from the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Stream stdout lines to the step log (off for tools whose stdout is data, e.g. pg_restore --list).</summary>
    public bool LogStdout { get; init; } = true;

    public bool LogStderr { get; init; } = true;

    public int MaxCapturedChars { get; init; } = 64 * 1024;

    public int MaxLineChars { get; init; } = 4 * 1024;
}
