namespace RunbookRunner.Core.Runs.State;

/// <summary>Step states as shown in the API and CLI.</summary>
public enum StepStatus
{
    Pending,
    Waiting,
    AwaitingApproval,
    Running,
    Succeeded,
    Failed,
    Skipped,
    Interrupted,
    Compensated,
}
