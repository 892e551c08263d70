namespace RunbookRunner.Core.Persistence;

/// <summary>A new token and its plaintext (<c>rbk_</c> + 43 base64url characters), available only here, once.</summary>
public sealed record CreatedToken(ApiToken Token, string Plaintext);
