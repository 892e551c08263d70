using RunbookRunner.Core.Runs.Events;

namespace RunbookRunner.Core.Runs.State;

/// <summary>Progress of one planned undo action.</summary>
public sealed record CompensationState(CompensationItem Item)
{
    public CompensationStatus Status { get; init; } = CompensationStatus.Pending;

    public int Attempts { get; init; }

    public string? Error { get; init; }

    /// <summary>When a failed item is tried again by itself (its step's retry policy); null waits for a person.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}
