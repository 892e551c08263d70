namespace RunbookRunner.Core.Runs.State;

/// <summary>Lifecycle of a guard: waits for its <c>from</c> step, watches, then trips or expires.</summary>
public enum GuardStatus
{
    Pending,
    Active,
    AwaitingApproval,
    Tripped,
    Expired,
}
