namespace RunbookRunner.Core.Persistence;

/// <summary>A run in a list: the header and state without the YAML snapshot and the step summary.</summary>
public sealed record RunListItem
{
    public required string Id { get; init; }

    public required string RunbookName { get; init; }

    public required string Title { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public bool IsRehearsal { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string State { get; init; }

    public bool IsFinished { get; init; }

    public TimeSpan Lateness { get; init; }

    public required long LastSequence { get; init; }
}
