namespace RunbookRunner.Core.Planning.Calendar;

/// <summary>One event of a plan calendar before it is written; <see cref="Key"/> makes its UID unique in the run.</summary>
internal sealed record CalendarItem(
    string Key,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string? Rule,
    string Summary,
    string Description,
    string Category);
