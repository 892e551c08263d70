namespace RunbookRunner.Core.Persistence;

/// <summary>
/// A stored audit entry. <see cref="Hash"/> is SHA-256 (lowercase hex) over <see cref="PreviousHash"/> and the
/// canonical form of the entry, so editing, deleting or reordering any entry breaks the chain after it.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>1, 2, 3... without gaps.</summary>
    public required long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public required AuditSource Source { get; init; }

    public required string Action { get; init; }

    public string? RunId { get; init; }

    public string? StepId { get; init; }

    public required AuditOutcome Outcome { get; init; }

    public string? Detail { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
