namespace RunbookRunner.Cli;

/// <summary>Process exit codes of the <c>runbook</c> command, which scripts depend on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A run failed or was aborted.</summary>
    public const int RunFailed = 1;

    /// <summary>Invalid input: bad arguments, an invalid runbook, an unknown environment.</summary>
    public const int InvalidInput = 2;

    /// <summary>A run was rolled back.</summary>
    public const int RolledBack = 3;
}
