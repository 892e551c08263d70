using System.Data.Common;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;
using static RunbookRunner.Storage.Sql.DbCommandExtensions;

namespace RunbookRunner.Storage.Tokens;

/// <summary><see cref="ITokenStore"/> on SQL. Only SHA-256 hashes of tokens reach the database.</summary>
internal sealed class SqlTokenStore(SqlDatabase db) : ITokenStore
{
    private const string Columns = "id, name, role, slack_user, created_at, revoked_at";

    public async Task<CreatedToken> CreateAsync(string name, TokenRole role, string? slackUser = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Role must be viewer, operator, approver or admin.");
        }

        var plaintext = TokenSecrets.NewPlaintext();
        var token = new ApiToken
        {
            Id = "tok_" + SortableId.New(db.TimeProvider),
            Name = name,
            Role = role,
            SlackUser = slackUser,
            CreatedAt = db.Now(),
        };
        await db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await connection.CreateCommand(
                    transaction,
                    "INSERT INTO api_tokens (id, name, role, slack_user, token_hash, created_at) VALUES (@id, @name, @role, @slack, @hash, @at)",
                    P("@id", token.Id),
                    P("@name", token.Name),
                    P("@role", RoleName(role)),
                    P("@slack", slackUser),
                    P("@hash", TokenSecrets.Hash(plaintext)),
                    P("@at", db.Time(token.CreatedAt))).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(true);
            },
            cancellationToken).ConfigureAwait(false);
        return new CreatedToken(token, plaintext);
    }

    public Task<ApiToken?> FindByTokenAsync(string plaintext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (!plaintext.StartsWith(TokenSecrets.Prefix, StringComparison.Ordinal))
        {
            return Task.FromResult<ApiToken?>(null);
        }

        return db.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(
                    null, $"SELECT {Columns} FROM api_tokens WHERE token_hash = @hash AND revoked_at IS NULL", P("@hash", TokenSecrets.Hash(plaintext)));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<ApiToken>>(
            async (connection, ct) =>
            {
                await using var command = connection.CreateCommand(null, $"SELECT {Columns} FROM api_tokens ORDER BY created_at, id");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var tokens = new List<ApiToken>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    tokens.Add(Read(reader));
                }

                return tokens;
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return db.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var rows = await connection.CreateCommand(
                    transaction,
                    "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
                    P("@now", db.Time(db.Now())),
                    P("@id", tokenId)).ExecuteAndDisposeAsync(ct).ConfigureAwait(false);
                return TxResult<bool>.Committed(rows == 1);
            },
            cancellationToken);
    }

    private static string RoleName(TokenRole role) => role.ToString().ToLowerInvariant();

    private ApiToken Read(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Role = Enum.Parse<TokenRole>(reader.GetString(2), ignoreCase: true),
        SlackUser = reader.GetNullableString(3),
        CreatedAt = db.ReadTime(reader, 4),
        RevokedAt = db.ReadNullableTime(reader, 5),
    };
}
