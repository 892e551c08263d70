namespace RunbookRunner.Core.Persistence;

/// <summary>A filter over the audit trail; entries come newest first, keyset paged by id.</summary>
public sealed record AuditQuery
{
    public string? RunId { get; init; }

    public string? Actor { get; init; }

    public AuditOutcome? Outcome { get; init; }

    /// <summary>Entries with id lower than this (the last id of the previous page); null for the newest.</summary>
    public long? BeforeId { get; init; }

    /// <summary>1 to 1000.</summary>
    public int Limit { get; init; } = 100;
}
