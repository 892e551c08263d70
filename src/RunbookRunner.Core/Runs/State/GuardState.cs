namespace RunbookRunner.Core.Runs.State;

/// <summary>The folded state of one guard.</summary>
public sealed record GuardState(string Id)
{
    public GuardStatus Status { get; init; } = GuardStatus.Pending;

    public DateTimeOffset? ActiveSince { get; init; }

    public DateTimeOffset? Until { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>Start of the current unbroken breach, null when the last reading was healthy.</summary>
    public DateTimeOffset? BreachSince { get; init; }

    public double? LastValue { get; init; }

    public int Readings { get; init; }

    public int Trips { get; init; }
}
