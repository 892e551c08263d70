namespace RunbookRunner.Core.Persistence;

/// <summary>A stored API token. The plaintext is never stored, only its SHA-256.</summary>
public sealed record ApiToken
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required TokenRole Role { get; init; }

    /// <summary>The Slack user the token acts as for approvals (role membership, no self-approval).</summary>
    public string? SlackUser { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
