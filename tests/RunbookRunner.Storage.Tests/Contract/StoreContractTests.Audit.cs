using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task VerifyChainAsync_EntriesFromBatchesAndStandalone_IsValid()
    {
        var run = (await CreateRunAsync()).RunId;
        await Storage.Audit.AppendAsync(TestData.Audit("token.create", actor: "admin") with { Source = AuditSource.Cli });
        await Storage.Runs.AppendAsync(run, 1, TestData.Events(Time, "ApprovalGranted") with { Audit = [TestData.Audit("approve"), TestData.Audit("approve", "U01BBB")] });
        await Storage.Audit.AppendAsync(TestData.Audit("approve", "U09XXX", run, AuditOutcome.Denied) with { Detail = "not in role release-managers" });

        var verification = await Storage.Audit.VerifyChainAsync();

        verification.Should().Be(new AuditVerification(true, 4, null, null));
        var entries = await Storage.Audit.ListAsync(new AuditQuery());
        entries.Select(e => e.Id).Should().Equal(4, 3, 2, 1);
        entries[^1].PreviousHash.Should().Be(new string('0', 64));
        entries[0].PreviousHash.Should().Be(entries[1].Hash);
        entries[1].RunId.Should().Be(run, "entries of a batch default to the batch's run");
    }

    [Fact]
    public async Task VerifyChainAsync_RowEditedWithRawSql_ReportsThatEntry()
    {
        for (var i = 0; i < 4; i++)
        {
            await Storage.Audit.AppendAsync(TestData.Audit($"action-{i}"));
        }

        await ExecuteRawAsync("UPDATE audit SET outcome = 'denied' WHERE id = 2");
        var verification = await Storage.Audit.VerifyChainAsync();

        verification.IsValid.Should().BeFalse();
        verification.FirstBrokenId.Should().Be(2);
        verification.Problem.Should().Contain("modified");
    }

    [Fact]
    public async Task VerifyChainAsync_RowEditedAndRehashed_BreaksTheLinkOfTheNext()
    {
        for (var i = 0; i < 3; i++)
        {
            await Storage.Audit.AppendAsync(TestData.Audit($"action-{i}"));
        }

        // A forger who also replaces the hash of the edited row still breaks the row after it.
        await ExecuteRawAsync("UPDATE audit SET hash = '" + new string('f', 64) + "' WHERE id = 2");
        var verification = await Storage.Audit.VerifyChainAsync();

        verification.FirstBrokenId.Should().Be(2);
        (await ExecuteRawAsync("DELETE FROM audit WHERE id = 2")).Should().Be(1);
        (await Storage.Audit.VerifyChainAsync()).Should().Match<AuditVerification>(v => !v.IsValid && v.FirstBrokenId == 3 && v.Problem!.Contains("deleted"));
    }

    [Fact]
    public async Task ListAsync_Filters_ReturnMatchingEntriesNewestFirst()
    {
        await Storage.Audit.AppendAsync(TestData.Audit("approve", "U01AAA", "run-1"));
        await Storage.Audit.AppendAsync(TestData.Audit("approve", "U09XXX", "run-1", AuditOutcome.Denied));
        await Storage.Audit.AppendAsync(TestData.Audit("abort", "U01AAA", "run-2"));

        (await Storage.Audit.ListAsync(new AuditQuery { RunId = "run-1" })).Select(e => e.Id).Should().Equal(2, 1);
        (await Storage.Audit.ListAsync(new AuditQuery { Actor = "U01AAA" })).Select(e => e.Id).Should().Equal(3, 1);
        (await Storage.Audit.ListAsync(new AuditQuery { Outcome = AuditOutcome.Denied })).Should().ContainSingle().Which.Actor.Should().Be("U09XXX");
        (await Storage.Audit.ListAsync(new AuditQuery { BeforeId = 3, Limit = 1 })).Select(e => e.Id).Should().Equal(2);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWritersOnSeveralNodes_KeepOneValidChain()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await node.Audit.AppendAsync(TestData.Audit($"node-{n}-{i}"));
            }
        }))).WaitAsync(Bound);

        var verification = await Storage.Audit.VerifyChainAsync();
        verification.Should().Be(new AuditVerification(true, 20, null, null));
    }
}
