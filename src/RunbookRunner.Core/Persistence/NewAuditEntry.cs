namespace RunbookRunner.Core.Persistence;

/// <summary>An action to audit; the store stamps the time and chains it to the previous entry.</summary>
public sealed record NewAuditEntry
{
    /// <summary>Slack user id, token name, <c>system</c>.</summary>
    public required string Actor { get; init; }

    public required AuditSource Source { get; init; }

    /// <summary>What was attempted: <c>approve</c>, <c>token.create</c>, <c>run.abort</c>.</summary>
    public required string Action { get; init; }

    public string? RunId { get; init; }

    public string? StepId { get; init; }

    public required AuditOutcome Outcome { get; init; }

    /// <summary>Free text or JSON: the reason of a denial, a rejection comment (never a secret).</summary>
    public string? Detail { get; init; }
}
