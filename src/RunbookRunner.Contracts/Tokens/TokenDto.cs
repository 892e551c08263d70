namespace RunbookRunner.Contracts.Tokens;

/// <summary>A stored token, without its secret.</summary>
public sealed record TokenDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ApiRole Role { get; init; }

    public string? SlackUser { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
