namespace RunbookRunner.Core.Persistence;

/// <summary>A stored run: its immutable header plus the read model kept current by every append.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }

    public required string RunbookName { get; init; }

    public required string Title { get; init; }

    public string? SourcePath { get; init; }

    public required string RunbookYaml { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public bool IsRehearsal { get; init; }

    public string? RehearsalOptionsJson { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string State { get; init; }

    /// <summary>True once the run reached a final state; finished runs are not recovered.</summary>
    public bool IsFinished { get; init; }

    /// <summary>How far behind plan the run is (zero when on time or ahead).</summary>
    public TimeSpan Lateness { get; init; }

    /// <summary>Sequence number of the last journal event (0 when the journal is empty).</summary>
    public required long LastSequence { get; init; }

    public required string SummaryJson { get; init; }
}
