namespace RunbookRunner.Core.Runs.State;

/// <summary>The folded state of one step.</summary>
public sealed record StepState(string Id)
{
    public StepStatus Status { get; init; } = StepStatus.Pending;

    /// <summary>Number of attempts started (action steps), or occurrences for a recurring step.</summary>
    public int Attempts { get; init; }

    /// <summary>Occurrences begun (a recurring step runs once per occurrence; other steps have one).</summary>
    public int Occurrences { get; init; }

    /// <summary>The attempt number that began the current occurrence: retries count from it.</summary>
    public int OccurrenceFirstAttempt { get; init; } = 1;

    /// <summary>Attempts made in the current occurrence (retry budgets are per occurrence).</summary>
    public int AttemptsThisOccurrence => Attempts - OccurrenceFirstAttempt + 1;

    /// <summary>When the step may next start (anchor, retry backoff, wait end, next occurrence).</summary>
    public DateTimeOffset? WaitingUntil { get; init; }

    public string? WaitReason { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the current attempt started (<see cref="StartedAt"/> is the first attempt's start).</summary>
    public DateTimeOffset? AttemptStartedAt { get; init; }

    public string? Summary { get; init; }

    public string? Error { get; init; }

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>An approval the step carries was granted (the step may now run its action).</summary>
    public bool Approved { get; init; }

    /// <summary>A person retried the step: the next attempt starts without waiting for its anchor again.</summary>
    public bool RetryRequested { get; init; }

    /// <summary>The step failed and its on_failure policy was <c>continue</c>: dependents proceed.</summary>
    public bool FailureTolerated { get; init; }

    public string? DoneBy { get; init; }

    /// <summary>The node executing the current attempt.</summary>
    public string? Node { get; init; }

    public bool IsFinished => Status is StepStatus.Succeeded or StepStatus.Skipped or StepStatus.Compensated
        || (Status == StepStatus.Failed && FailureTolerated);
}
