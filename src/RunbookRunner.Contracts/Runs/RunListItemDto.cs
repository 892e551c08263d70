namespace RunbookRunner.Contracts.Runs;

/// <summary>A run in a list: its header and state, without steps.</summary>
public sealed record RunListItemDto
{
    public required string Id { get; init; }

    public required string Runbook { get; init; }

    public required string Title { get; init; }

    public required string State { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public bool Rehearsal { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public TimeSpan Lateness { get; init; }
}
