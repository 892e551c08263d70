namespace RunbookRunner.Contracts.Runs;

/// <summary>The wire names of run states.</summary>
public static class RunStates
{
    public const string Scheduled = "scheduled";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Aborted = "aborted";
    public const string RollingBack = "rolling_back";
    public const string RolledBack = "rolled_back";

    /// <summary>Every run state, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Scheduled, Running, Paused, RollingBack, Succeeded, Failed, Aborted, RolledBack];

    /// <summary>True for a state a run never leaves.</summary>
    public static bool IsTerminal(string? state) => state is Succeeded or Failed or Aborted or RolledBack;
}
