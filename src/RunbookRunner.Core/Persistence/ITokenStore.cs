namespace RunbookRunner.Core.Persistence;

/// <summary>API bearer tokens, stored as SHA-256 hashes.</summary>
public interface ITokenStore
{
    /// <summary>Creates a token from 32 random bytes; the plaintext is returned once and never stored.</summary>
    Task<CreatedToken> CreateAsync(string name, TokenRole role, string? slackUser = null, CancellationToken cancellationToken = default);

    /// <summary>The active (not revoked) token with this plaintext, or null.</summary>
    Task<ApiToken?> FindByTokenAsync(string plaintext, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a token by id. False when there is no such active token.</summary>
    Task<bool> RevokeAsync(string tokenId, CancellationToken cancellationToken = default);
}
