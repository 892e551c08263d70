namespace RunbookRunner.Contracts.Runs;

/// <summary>The wire names of step states.</summary>
public static class StepStates
{
    public const string Pending = "pending";
    public const string Waiting = "waiting";
    public const string AwaitingApproval = "awaiting_approval";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Interrupted = "interrupted";
    public const string Compensated = "compensated";
}
