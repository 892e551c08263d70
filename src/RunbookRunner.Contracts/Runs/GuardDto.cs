namespace RunbookRunner.Contracts.Runs;

/// <summary>A guard of a run: whether it is watching, its last reading, how often it tripped.</summary>
public sealed record GuardDto
{
    public required string Id { get; init; }

    /// <summary><c>pending</c>, <c>active</c>, <c>awaiting_approval</c>, <c>tripped</c>, <c>expired</c>.</summary>
    public required string State { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    public double? LastValue { get; init; }

    public DateTimeOffset? BreachSince { get; init; }

    public int Readings { get; init; }

    public int Trips { get; init; }
}
