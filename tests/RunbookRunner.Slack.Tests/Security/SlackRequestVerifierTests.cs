using System.Text;
using FluentAssertions;
using RunbookRunner.Slack.Security;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Security;

/// <summary>Pinned to Slack's worked example (api.slack.com/authentication/verifying-requests-from-slack).</summary>
public sealed class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Verify_SlackTestVectorWithClockFrozenAtTimestamp_IsValid()
    {
        var verifier = new SlackRequestVerifier(Secret, new ManualTimeProvider(SignedAt));

        var result = verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body));

        result.IsValid.Should().BeTrue(result.Reason);
        result.Failure.Should().Be(SlackVerificationFailure.None);
    }

    [Fact]
    public void Verify_SlackTestVectorWithRealClock_IsRefusedAsStale()
    {
        var verifier = new SlackRequestVerifier(Secret, TimeProvider.System);

        var result = verifier.Verify(Timestamp, Signature, Body);

        result.IsValid.Should().BeFalse();
        result.Failure.Should().Be(SlackVerificationFailure.Stale);
    }

    [Fact]
    public void Compute_SlackTestVector_ReproducesSlackSignature()
    {
        SlackSignature.Compute(Secret, 1531420618, Body).Should().Be(Signature);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    public void Verify_ClockSkewAroundFiveMinutes_AcceptsAtMost300Seconds(int skewSeconds, bool valid)
    {
        var verifier = new SlackRequestVerifier(Secret, new ManualTimeProvider(SignedAt.AddSeconds(skewSeconds)));

        var result = verifier.Verify(Timestamp, Signature, Body);

        result.IsValid.Should().Be(valid);
        if (!valid)
        {
            result.Failure.Should().Be(SlackVerificationFailure.Stale);
        }
    }

    [Fact]
    public void Verify_TamperedBody_IsRefusedAsBadSignature()
    {
        var verifier = new SlackRequestVerifier(Secret, new ManualTimeProvider(SignedAt));

        var result = verifier.Verify(Timestamp, Signature, Body.Replace("roadrunner", "coyote", StringComparison.Ordinal));

        result.Failure.Should().Be(SlackVerificationFailure.BadSignature);
    }

    [Fact]
    public void Verify_TamperedTimestampWithinWindow_IsRefusedAsBadSignature()
    {
        var verifier = new SlackRequestVerifier(Secret, new ManualTimeProvider(SignedAt));

        var result = verifier.Verify("1531420619", Signature, Body);

        result.Failure.Should().Be(SlackVerificationFailure.BadSignature);
    }

    [Fact]
    public void Verify_WrongSecret_IsRefusedAsBadSignature()
    {
        var verifier = new SlackRequestVerifier("another-secret", new ManualTimeProvider(SignedAt));

        verifier.Verify(Timestamp, Signature, Body).Failure.Should().Be(SlackVerificationFailure.BadSignature);
    }

    [Theory]
    [InlineData(null, Signature, SlackVerificationFailure.MissingTimestamp)]
    [InlineData("", Signature, SlackVerificationFailure.MissingTimestamp)]
    [InlineData(Timestamp, null, SlackVerificationFailure.MissingSignature)]
    [InlineData(Timestamp, " ", SlackVerificationFailure.MissingSignature)]
    [InlineData("15314206l8", Signature, SlackVerificationFailure.MalformedTimestamp)]
    [InlineData("-1531420618", Signature, SlackVerificationFailure.MalformedTimestamp)]
    [InlineData("99999999999999999999", Signature, SlackVerificationFailure.MalformedTimestamp)]
    [InlineData(Timestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackVerificationFailure.MalformedSignature)]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackVerificationFailure.MalformedSignature)]
    [InlineData(Timestamp, "v0=a2114d57", SlackVerificationFailure.MalformedSignature)]
    [InlineData(Timestamp, "v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackVerificationFailure.MalformedSignature)]
    public void Verify_MissingOrMalformedHeaders_ReportsWhy(string? timestamp, string? signature, SlackVerificationFailure expected)
    {
        var verifier = new SlackRequestVerifier(Secret, new ManualTimeProvider(SignedAt));

        var result = verifier.Verify(timestamp, signature, Body);

        result.Failure.Should().Be(expected);
        result.IsValid.Should().BeFalse();
        result.Reason.Should().NotBeNullOrWhiteSpace().And.NotContain(Body).And.NotContain(Secret);
    }

    [Fact]
    public void Verify_RequestSignedInTestWithCurrentTime_IsValid()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes("payload=%7B%22type%22%3A%22block_actions%22%7D");
        var signature = SlackSignature.Compute("s3cret", now, body);

        var result = new SlackRequestVerifier("s3cret", time).Verify(now.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body);

        result.IsValid.Should().BeTrue(result.Reason);
    }
}
