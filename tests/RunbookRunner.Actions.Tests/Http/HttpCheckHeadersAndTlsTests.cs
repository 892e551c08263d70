using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Http;

/// <summary><c>http.check</c>'s <c>headers</c> (plain Kestrel) and <c>tls</c> (Kestrel over HTTPS with a test certificate).</summary>
public sealed class HttpCheckHeadersAndTlsTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/page", (HttpContext context) =>
        {
            context.Response.Headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["cf-cache-status"] = "MISS";
            context.Response.Headers.Append("Vary", "Accept-Encoding");
            context.Response.Headers.Append("Vary", "Origin");
            return Results.Text("<html></html>", "text/html");
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpCheckAction Create(TimeProvider? time = null, params string[] trusted) =>
        new(new SimpleHttpClientFactory(), Contexts.Options(o => o.TrustedCertificates = trusted), time ?? TimeProvider.System);

    private static RunbookRunner.Core.Model.MapValue Headers(params (string, object?)[] expected) => P.Map(expected);

    [Fact]
    public async Task ExecuteAsync_ExpectedHeadersPresent_PassesIgnoringCaseOfNamesAndValues()
    {
        var log = new RecordingLog();
        var check = Check(_server.Url("page").ToString(), ("headers", Headers(
            ("strict-transport-security", "max-age=*"),
            ("X-CONTENT-TYPE-OPTIONS", "NoSniff"),
            ("content-type", "text/html*"),
            ("vary", "Origin"))));

        var result = await Create().ExecuteAsync(Contexts.For(Checks(check), log));

        result.Succeeded.Should().BeTrue(result.Error);
        log.Lines.Should().ContainSingle().Which.Should().StartWith("PASS ");
    }

    [Fact]
    public async Task ExecuteAsync_HeaderMissingOrDifferent_FailsNamingWhatWasFound()
    {
        var log = new RecordingLog();
        var check = Check(_server.Url("page").ToString(), ("headers", Headers(
            ("cf-cache-status", "HIT"),
            ("x-frame-options", "DENY"),
            ("strict-transport-security", "max-age=63072000*"))));

        var result = await Create().ExecuteAsync(Contexts.For(Checks(check), log));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeTrue();
        var line = log.Lines.Should().ContainSingle().Subject;
        line.Should().StartWith("FAIL ")
            .And.Contain("header cf-cache-status is 'MISS' (expected 'HIT')")
            .And.Contain("header x-frame-options is missing (expected 'DENY')")
            .And.Contain("header strict-transport-security is 'max-age=31536000; includeSubDomains' (expected 'max-age=63072000*')");
    }

    [Fact]
    public async Task ExecuteAsync_PinnedCertificateValidLongEnough_PassesAndReportsTheExpiry()
    {
        await using var https = await HttpsLoopbackServer.StartAsync(TimeSpan.FromDays(10));
        var check = TlsCheck(https, 5, ("headers", Headers(("strict-transport-security", "max-age=*"))));

        var result = await Create(null, https.Thumbprint).ExecuteAsync(Contexts.For(Checks(check)));

        result.Succeeded.Should().BeTrue(result.Error);
        var reported = JsonNode.Parse(result.Outputs["results"])!.AsArray().Single()!["certificate_expires"]!.GetValue<string>();
        DateTimeOffset.Parse(reported, CultureInfo.InvariantCulture).Should().BeCloseTo(new DateTimeOffset(https.Certificate.NotAfter.ToUniversalTime()), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ExecuteAsync_CertificateExpiringSooner_FailsWithTheExpiryDate()
    {
        await using var https = await HttpsLoopbackServer.StartAsync(TimeSpan.FromDays(10));
        var log = new RecordingLog();

        var result = await Create(null, https.Thumbprint).ExecuteAsync(Contexts.For(Checks(TlsCheck(https, 30)), log));

        result.Succeeded.Should().BeFalse();
        var expiry = https.Certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        log.Lines.Should().ContainSingle().Which.Should()
            .Contain($"TLS certificate CN=127.0.0.1 expires {expiry} UTC (in ").And.Contain("days; expected at least 30 days left)");
    }

    [Fact]
    public async Task ExecuteAsync_ClockPastTheExpiry_SaysHowLongAgoItExpired()
    {
        await using var https = await HttpsLoopbackServer.StartAsync(TimeSpan.FromDays(10));
        var clock = new RunbookRunner.TestKit.Time.ManualTimeProvider(new DateTimeOffset(https.Certificate.NotAfter.ToUniversalTime()).AddDays(3));
        var log = new RecordingLog();

        var result = await Create(clock, https.Thumbprint).ExecuteAsync(Contexts.For(Checks(TlsCheck(https, 0)), log));

        result.Succeeded.Should().BeFalse();
        log.Lines.Should().ContainSingle().Which.Should().Contain("(expired 3 days ago; expected at least 0 days left)");
    }

    [Fact]
    public async Task ExecuteAsync_UnpinnedSelfSignedCertificate_FailsAsNotTrusted()
    {
        await using var https = await HttpsLoopbackServer.StartAsync(TimeSpan.FromDays(90));
        var log = new RecordingLog();

        var result = await Create().ExecuteAsync(Contexts.For(Checks(TlsCheck(https, 14)), log));

        result.Succeeded.Should().BeFalse();
        log.Lines.Should().ContainSingle().Which.Should()
            .Contain("TLS certificate of 127.0.0.1 is not trusted (RemoteCertificateChainErrors); CN=127.0.0.1 expires");
    }

    [Fact]
    public async Task ExecuteAsync_TlsOnPlainHttpUrl_FailsWithoutRetry()
    {
        var check = Check(_server.Url("page").ToString(), ("tls", P.Map(("min_days_valid", 14))));

        var result = await Create().ExecuteAsync(Contexts.For(Checks(check)));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Contain("has 'tls' but its URL").And.Contain("is not https");
    }

    [Fact]
    public async Task SimulateAsync_HeadersAndTls_DescribesThemWithoutRequests()
    {
        var log = new RecordingLog();

        var check = Check("https://www.example.com/", ("headers", Headers(("cf-cache-status", "HIT"))), ("tls", P.Map(("min_days_valid", 14))));

        await Create().SimulateAsync(Contexts.For(Checks(check), log));

        log.Lines.Should().ContainSingle(l => l.Contains("header cf-cache-status: HIT, certificate valid 14+ days", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("max-age=*", "max-age=31536000", true)]
    [InlineData("*includeSubDomains*", "max-age=1; includesubdomains; preload", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("HIT", "hit", true)]
    [InlineData("HIT", "MISS", false)]
    [InlineData("*", "", true)]
    [InlineData("ab*ba", "aba", false)]
    public void Matches_Pattern_FollowsTheGlob(string pattern, string value, bool expected)
    {
        HeaderPattern.Matches(pattern, value).Should().Be(expected);
    }

    private static RunbookRunner.Core.Model.MapValue TlsCheck(HttpsLoopbackServer https, int minDays, params (string, object?)[] more) =>
        Check(https.Url("").ToString(), [("tls", P.Map(("min_days_valid", minDays))), .. more]);

    private static RunbookRunner.Core.Model.MapValue Check(string url, params (string, object?)[] more) => P.Map([("url", url), .. more]);

    private static RunbookRunner.Core.Model.MapValue Checks(params RunbookRunner.Core.Model.MapValue[] checks) =>
        P.Map(("checks", P.List([.. checks])));
}
