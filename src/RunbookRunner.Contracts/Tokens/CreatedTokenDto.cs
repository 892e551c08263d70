namespace RunbookRunner.Contracts.Tokens;

/// <summary>A new token and its secret, shown this once.</summary>
public sealed record CreatedTokenDto(TokenDto Token, string Secret);
