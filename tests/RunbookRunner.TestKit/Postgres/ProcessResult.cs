namespace RunbookRunner.TestKit.Postgres;

/// <summary>Exit code and combined output of a finished helper process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output);
