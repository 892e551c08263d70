using FluentAssertions;
using RunbookRunner.Actions.Dns;
using RunbookRunner.Actions.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Actions.Tests.Dns;

public sealed class DnsCheckActionTests
{
    private static DnsCheckAction Create() =>
        new(Contexts.Options(o => o.DnsPollInterval = TimeSpan.FromMilliseconds(20)), TimeProvider.System);

    [Fact]
    public async Task ExecuteAsync_NameResolvesToExpected_Succeeds()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("name", "localhost"), ("expect", "127.0.0.1"))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["addresses"].Split(',').Should().Contain("127.0.0.1");
    }

    [Fact]
    public async Task ExecuteAsync_NameResolvesElsewhere_KeepsPollingUntilTheTimeout()
    {
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource();
        var run = Create().ExecuteAsync(Contexts.For(P.Map(("name", "localhost"), ("expect", P.List("203.0.113.10"))), log), timeout.Token);

        var first = await log.WaitForAsync(l => l.StartsWith("attempt 1:", StringComparison.Ordinal));
        run.IsCompleted.Should().BeFalse("it keeps polling while the answer is wrong");
        await timeout.CancelAsync();
        var act = () => run.WaitAsync(TimeSpan.FromSeconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
        first.Should().StartWith("attempt 1: localhost A -> 127.0.0.1").And.Contain("waiting for 203.0.113.10");
        log.Lines.Should().ContainSingle("an unchanged answer is logged once");
    }

    [Fact]
    public async Task ExecuteAsync_ExpectNotAnAddress_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("name", "localhost"), ("expect", "www.example.com"))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Be("parameter 'expect' holds 'www.example.com', which is not an IPv4 address");
    }
}
