using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// A guard and the window in which it is watched: from the expected finish of its <see cref="From"/> step until its
/// <c>until</c> anchor (<see cref="ActiveUntil"/> null: until the run ends).
/// </summary>
public sealed record PlannedGuard
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public required string From { get; init; }

    public required DateTimeOffset ActiveFrom { get; init; }

    public required ClockTime ActiveFromClock { get; init; }

    public TimeAnchor? Until { get; init; }

    public DateTimeOffset? ActiveUntil { get; init; }

    public ClockTime? ActiveUntilClock { get; init; }

    public required TimeSpan Every { get; init; }

    public required GuardResponse Then { get; init; }

    /// <summary>A person must approve the response before it is carried out.</summary>
    public bool RequiresApproval { get; init; }
}
