using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Planning;

/// <summary>
/// The occurrences of a recurring step (<c>every</c> / <c>until</c>) in the expected schedule: the first at the
/// step's planned start, then one every <see cref="Every"/> while not later than <see cref="UntilTime"/>.
/// </summary>
/// <remarks>
/// A step whose first occurrence falls after its <c>until</c> still runs once. Without <c>until</c> the step recurs
/// until the run ends: <see cref="Occurrences"/> and <see cref="LastOccurrence"/> are then null.
/// </remarks>
public sealed record PlannedRecurrence(
    TimeSpan Every,
    TimeAnchor? Until,
    DateTimeOffset? UntilTime,
    DateTimeOffset FirstOccurrence,
    int? Occurrences,
    DateTimeOffset? LastOccurrence);
