namespace RunbookRunner.Core.Model;

/// <summary>Values a step takes when it does not set its own.</summary>
public sealed record StepDefaults
{
    public TimeSpan? Timeout { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Once;

    public FailurePolicy OnFailure { get; init; } = FailurePolicy.Pause;
}
