namespace RunbookRunner.Contracts.Audit;

/// <summary>An entry of the audit trail: who tried what, from where, and whether it was allowed.</summary>
public sealed record AuditEntryDto
{
    public required long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary><c>slack</c>, <c>web</c>, <c>api</c>, <c>cli</c> or <c>system</c>.</summary>
    public required string Source { get; init; }

    public required string Action { get; init; }

    public string? RunId { get; init; }

    public string? StepId { get; init; }

    /// <summary><c>allowed</c> or <c>denied</c>.</summary>
    public required string Outcome { get; init; }

    public string? Detail { get; init; }

    /// <summary>The entry's link in the hash chain.</summary>
    public required string Hash { get; init; }
}
