namespace RunbookRunner.Contracts.Runs;

/// <summary>A rollback of a run: why, since when, and each undo action in order.</summary>
public sealed record RollbackDto
{
    public required string Reason { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Empty until planned (once no step is running any more).</summary>
    public IReadOnlyList<CompensationDto> Items { get; init; } = [];
}
