namespace RunbookRunner.Core.Runs.State;

/// <summary>Run states as shown in the API and CLI (<c>rolling_back</c> etc. in snake case).</summary>
public enum RunStatus
{
    Scheduled,
    Running,
    Paused,
    Succeeded,
    Failed,
    Aborted,
    RollingBack,
    RolledBack,
}
