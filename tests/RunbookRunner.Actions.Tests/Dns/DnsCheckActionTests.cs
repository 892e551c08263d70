using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Dns;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Dns;

public sealed class DnsCheckActionTests
{
    private static readonly System.Text.Json.JsonSerializerOptions AsIs = new() { PropertyNamingPolicy = null };

    private static DnsCheckAction Create(Uri? doh = null) =>
        new(new SimpleHttpClientFactory(), Contexts.Options(o =>
        {
            o.DnsPollInterval = TimeSpan.FromMilliseconds(20);
            o.DnsOverHttpsUrl = doh;
        }), TimeProvider.System);

    /// <summary>A DNS-over-HTTPS JSON resolver whose answer for TXT and A changes after <paramref name="switchAfter"/> queries.</summary>
    private static Task<LoopbackServer> StartResolverAsync(int switchAfter)
    {
        var queries = 0;
        return LoopbackServer.StartAsync(app => app.MapGet("/dns-query", (HttpContext http) =>
        {
            var n = Interlocked.Increment(ref queries);
            var type = http.Request.Query["type"].ToString();
            var name = http.Request.Query["name"].ToString();
            object[] answer = (type, n > switchAfter) switch
            {
                ("TXT", _) => [new { name = name + ".", type = 16, TTL = 60, data = "\"v=spf1 include:_spf.acme.example \" \"-all\"" }],
                ("A", false) => [new { name = name + ".", type = 5, TTL = 60, data = "lb.acme.example." }, new { name = "lb.acme.example.", type = 1, TTL = 60, data = "198.51.100.7" }],
                ("A", true) => [new { name = name + ".", type = 1, TTL = 60, data = "203.0.113.10" }],
                _ => [],
            };
            // Field names as the public resolvers spell them ("Status", "Answer"; "type", "data").
            return Results.Json(new { Status = name.StartsWith("missing", StringComparison.Ordinal) ? 3 : 0, Answer = answer }, AsIs, "application/dns-json");
        }));
    }

    [Fact]
    public async Task ExecuteAsync_OverHttps_PollsUntilTheNewAddressIsAnswered()
    {
        await using var resolver = await StartResolverAsync(switchAfter: 2);
        var log = new RecordingLog();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await Create(resolver.Url("dns-query")).ExecuteAsync(Contexts.For(P.Map(("name", "www.acme.example."), ("expect", "203.0.113.10")), log), bound.Token);

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["addresses"].Should().Be("203.0.113.10");
        log.Lines[0].Should().Contain("www.acme.example A (via 127.0.0.1) -> 198.51.100.7", "the CNAME in the chain is not an answer of type A");
        resolver.Requests.Should().HaveCount(3).And.OnlyContain(r => r.Headers["Accept"] == "application/dns-json" && r.PathAndQuery.Contains("name=www.acme.example&type=A"));
    }

    [Fact]
    public async Task ExecuteAsync_TxtOverHttps_JoinsQuotedStrings()
    {
        await using var resolver = await StartResolverAsync(switchAfter: 0);

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await Create(resolver.Url("dns-query")).ExecuteAsync(Contexts.For(P.Map(("name", "acme.example"), ("type", "TXT"), ("expect", "v=spf1 include:_spf.acme.example -all"))), bound.Token);

        result.Succeeded.Should().BeTrue(result.Error);
    }

    [Fact]
    public async Task ExecuteAsync_NxDomainOverHttps_IsLoggedAndPolled()
    {
        await using var resolver = await StartResolverAsync(switchAfter: 0);
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource();
        var run = Create(resolver.Url("dns-query")).ExecuteAsync(Contexts.For(P.Map(("name", "missing.acme.example"), ("expect", "203.0.113.10")), log), timeout.Token);

        var first = await log.WaitForAsync(l => l.StartsWith("attempt 1:", StringComparison.Ordinal));
        await timeout.CancelAsync();
        var act = () => run.WaitAsync(TimeSpan.FromSeconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
        first.Should().Contain("does not exist (NXDOMAIN)");
    }

    [Fact]
    public async Task ExecuteAsync_TxtWithSystemResolver_FailsWithWhatToConfigure()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("name", "acme.example"), ("type", "TXT"), ("expect", "v=spf1"))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Contain("Actions:DnsOverHttpsUrl");
    }

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
