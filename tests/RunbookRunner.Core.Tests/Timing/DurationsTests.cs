using FluentAssertions;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Tests.Timing;

public class DurationsTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("15m", 900_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1d2h", 93_600_000)]
    [InlineData("500ms", 500)]
    [InlineData("0s", 0)]
    [InlineData(" 2m ", 120_000)]
    public void TryParse_ValidDuration_ReturnsValue(string text, long milliseconds)
    {
        Durations.TryParse(text, out var value, out var error).Should().BeTrue(error);

        value.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("15", "without a unit")]
    [InlineData("5 minutes", "without a unit")]
    [InlineData("3w", "unknown unit 'w'")]
    [InlineData("30m1h", "largest unit first")]
    [InlineData("1h1h", "largest unit first")]
    [InlineData("-5m", "not a duration")]
    [InlineData("9999999d", "too large")]
    public void TryParse_InvalidDuration_ExplainsTheProblem(string text, string reason)
    {
        Durations.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(93_600_000, "1d2h")]
    [InlineData(1_500, "1s500ms")]
    [InlineData(-60_000, "-1m")]
    public void Format_Duration_UsesRunbookNotation(long milliseconds, string expected)
    {
        Durations.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
    }

    [Fact]
    public void Parse_FormatRoundTrip_IsLossless()
    {
        foreach (var ms in new long[] { 1, 999, 61_000, 3_600_000, 86_400_000 + 1 })
        {
            var value = TimeSpan.FromMilliseconds(ms);
            Durations.Parse(Durations.Format(value)).Should().Be(value);
        }
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        var act = () => Durations.Parse("soon");

        act.Should().Throw<FormatException>().WithMessage("*'soon'*");
    }
}
