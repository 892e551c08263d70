using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using RunbookRunner.Core.Persistence;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task CreateAsync_NewToken_StoresOnlyItsSha256()
    {
        var created = await Storage.Tokens.CreateAsync("deploy-bot", TokenRole.Operator, "U01AAA");

        created.Plaintext.Should().MatchRegex("^rbk_[A-Za-z0-9_-]{43}$");
        var rows = await QueryRawAsync("SELECT * FROM api_tokens");
        var cells = rows.Should().ContainSingle().Subject.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList();
        var secret = created.Plaintext[4..];
        cells.Should().NotContain(c => c.Contains(secret, StringComparison.Ordinal), "the plaintext must never be stored");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Plaintext)));
        (await QueryRawAsync("SELECT token_hash FROM api_tokens")).Single()[0].Should().Be(hash);
    }

    [Fact]
    public async Task FindByTokenAsync_PlaintextOfActiveToken_ReturnsIt()
    {
        var created = await Storage.Tokens.CreateAsync("ops", TokenRole.Approver, "U02PPP");

        var found = await Open().Tokens.FindByTokenAsync(created.Plaintext);

        found.Should().Be(created.Token);
        found!.Role.Should().Be(TokenRole.Approver);
        found.SlackUser.Should().Be("U02PPP");
    }

    [Fact]
    public async Task FindByTokenAsync_UnknownOrRevokedToken_ReturnsNull()
    {
        var created = await Storage.Tokens.CreateAsync("old", TokenRole.Admin);
        (await Storage.Tokens.RevokeAsync(created.Token.Id)).Should().BeTrue();

        (await Storage.Tokens.FindByTokenAsync(created.Plaintext)).Should().BeNull();
        (await Storage.Tokens.FindByTokenAsync("rbk_" + new string('A', 43))).Should().BeNull();
        (await Storage.Tokens.FindByTokenAsync("not-a-token")).Should().BeNull();
        (await Storage.Tokens.RevokeAsync(created.Token.Id)).Should().BeFalse("it is revoked already");
    }

    [Fact]
    public async Task ListAsync_SeveralTokens_ShowsRolesAndRevocation()
    {
        var viewer = await Storage.Tokens.CreateAsync("dashboard", TokenRole.Viewer);
        Time.Advance(TimeSpan.FromSeconds(1));
        var admin = await Storage.Tokens.CreateAsync("root", TokenRole.Admin);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Storage.Tokens.RevokeAsync(viewer.Token.Id);

        var tokens = await Storage.Tokens.ListAsync();

        tokens.Select(t => (t.Name, t.Role)).Should().Equal(("dashboard", TokenRole.Viewer), ("root", TokenRole.Admin));
        tokens[0].RevokedAt.Should().Be(Time.GetUtcNow());
        tokens[1].RevokedAt.Should().BeNull();
        admin.Token.Id.Should().StartWith("tok_");
    }
}
