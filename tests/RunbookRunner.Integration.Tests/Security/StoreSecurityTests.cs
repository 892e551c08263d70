using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Cli;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.Storage;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// What is true of the store itself, read and edited with plain SQL: tokens only as hashes, and an audit trail
/// whose every edit, deletion or truncation <c>runbook audit verify</c> reports. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class StoreSecurityTests
{
    protected abstract Task<string> NewStoreAsync();

    [Fact]
    public async Task TokensCreate_StoresOnlyTheSha256OfTheToken()
    {
        var store = await NewStoreAsync();

        var created = await CliRunner.RunAsync("tokens", "create", "--role", "admin", "--name", "root", "--store", store);
        var token = created.Lines.Single();
        var raw = new RawStore(store);
        var rows = await raw.QueryAsync("SELECT token_hash, name FROM api_tokens");
        var dump = await raw.DumpAsync();

        created.ExitCode.Should().Be(ExitCodes.Ok, created.ToString());
        token.Should().StartWith("rbk_").And.HaveLength(47, "rbk_ and 32 random bytes in base64url");
        rows.Should().ContainSingle().Which[0].Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        dump.Should().NotContain(token[4..], "no table holds the token or its random part");
    }

    [Fact]
    public async Task AuditVerify_IntactTrail_Exits0AndPrintsTheHeadToRecord()
    {
        var store = await NewStoreAsync();
        await AppendAsync(store, 5);

        var verified = await CliRunner.RunAsync("audit", "verify", "--store", store);

        verified.ExitCode.Should().Be(ExitCodes.Ok, verified.ToString());
        verified.Stdout.Should().Contain("audit trail intact: 5 entries checked").And.MatchRegex("head 5:[0-9a-f]{64}");
    }

    [Theory]
    [InlineData("detail = 'approved by someone else'", "modified after it was written")]
    [InlineData("actor = 'U0MALLORY'", "modified after it was written")]
    [InlineData("outcome = 'denied'", "modified after it was written")]
    [InlineData("prev_hash = '0000000000000000000000000000000000000000000000000000000000000000'", "does not link")]
    public async Task AuditVerify_OneRowEdited_ReportsThatRowAsTheFirstBrokenLink(string edit, string problem)
    {
        var store = await NewStoreAsync();
        await AppendAsync(store, 6);

        (await new RawStore(store).ExecuteAsync($"UPDATE audit SET {edit} WHERE id = 3")).Should().Be(1);
        var text = await CliRunner.RunAsync("audit", "verify", "--store", store);
        var json = await CliRunner.RunAsync("audit", "verify", "--store", store, "--format", "json");

        text.ExitCode.Should().Be(ExitCodes.RunFailed, text.ToString());
        text.Stdout.Should().Contain("audit trail BROKEN at entry 3").And.Contain(problem);
        using var document = JsonDocument.Parse(json.Stdout);
        document.RootElement.GetProperty("intact").GetBoolean().Should().BeFalse();
        document.RootElement.GetProperty("firstBrokenId").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task AuditVerify_RowRecomputedToHideAnEdit_BreaksTheNextLink()
    {
        var store = await NewStoreAsync();
        await AppendAsync(store, 4);
        var raw = new RawStore(store);

        // A forger who rewrites entry 2 and its hash still cannot make entry 3 point at it.
        await raw.ExecuteAsync("UPDATE audit SET detail = 'forged', hash = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' WHERE id = 2");
        var verified = await CliRunner.RunAsync("audit", "verify", "--store", store);

        verified.ExitCode.Should().Be(ExitCodes.RunFailed);
        verified.Stdout.Should().Contain("BROKEN at entry 2");
    }

    [Fact]
    public async Task AuditVerify_MiddleRowDeleted_ReportsTheGap()
    {
        var store = await NewStoreAsync();
        await AppendAsync(store, 5);

        await new RawStore(store).ExecuteAsync("DELETE FROM audit WHERE id = 4");
        var verified = await CliRunner.RunAsync("audit", "verify", "--store", store);

        verified.ExitCode.Should().Be(ExitCodes.RunFailed);
        verified.Stdout.Should().Contain("BROKEN at entry 5").And.Contain("expected entry 4");
    }

    [Fact]
    public async Task AuditVerify_TailCutOffAfterAnAnchorWasRecorded_IsCaughtByTheAnchor()
    {
        var store = await NewStoreAsync();
        await AppendAsync(store, 5);
        var first = await CliRunner.RunAsync("audit", "verify", "--store", store, "--format", "json");
        using var document = JsonDocument.Parse(first.Stdout);
        var anchor = $"{document.RootElement.GetProperty("headId").GetInt64()}:{document.RootElement.GetProperty("headHash").GetString()}";

        await new RawStore(store).ExecuteAsync("DELETE FROM audit WHERE id >= 4");
        var withoutAnchor = await CliRunner.RunAsync("audit", "verify", "--store", store);
        var withAnchor = await CliRunner.RunAsync("audit", "verify", "--store", store, "--anchor", anchor);

        withoutAnchor.ExitCode.Should().Be(ExitCodes.Ok, "a shorter chain is still a valid chain: only an anchor held elsewhere shows the cut");
        withAnchor.ExitCode.Should().Be(ExitCodes.RunFailed);
        withAnchor.Stdout.Should().Contain("anchor entry 5 is gone");
    }

    [Fact]
    public async Task AuditVerify_BadAnchor_Exits2()
    {
        var store = await NewStoreAsync();

        var verified = await CliRunner.RunAsync("audit", "verify", "--store", store, "--anchor", "five");

        verified.ExitCode.Should().Be(ExitCodes.InvalidInput);
        verified.Stderr.Should().Contain("ID:HASH");
    }

    private static async Task AppendAsync(string store, int count)
    {
        await using var storage = RunbookStorage.Open(store);
        await storage.MigrateAsync();
        for (var i = 1; i <= count; i++)
        {
            await storage.Audit.AppendAsync(new NewAuditEntry
            {
                Actor = $"U{i}",
                Source = AuditSource.Slack,
                Action = "approve",
                RunId = "run_1",
                StepId = "go-no-go",
                Outcome = i % 2 == 0 ? AuditOutcome.Denied : AuditOutcome.Allowed,
                Detail = $"entry {i}",
            });
        }
    }
}
