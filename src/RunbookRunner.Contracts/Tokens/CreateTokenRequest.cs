namespace RunbookRunner.Contracts.Tokens;

/// <summary><c>POST /api/tokens</c>: a token's name, role and optional Slack user it acts as.</summary>
public sealed record CreateTokenRequest
{
    public required string Name { get; init; }

    public required ApiRole Role { get; init; }

    /// <summary>The Slack user id the token acts as for approvals and the audit trail.</summary>
    public string? SlackUser { get; init; }
}
