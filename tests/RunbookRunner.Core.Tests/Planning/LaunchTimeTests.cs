using FluentAssertions;
using RunbookRunner.Core.Planning;
using RunbookRunner.TestKit.Time;

namespace RunbookRunner.Core.Tests.Planning;

public class LaunchTimeTests
{
    private static readonly ManualTimeProvider Time = new(new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-06-01T09:00:00Z", "2026-06-01T09:00:00+00:00")]
    [InlineData("2026-06-01T10:00+01:00", "2026-06-01T10:00:00+01:00")]
    [InlineData("2026-06-01T04:00:00.5-05:00", "2026-06-01T04:00:00.5-05:00")]
    public void TryParse_IsoWithOffset_KeepsTheOffset(string text, string expected)
    {
        LaunchTime.TryParse(text, "Europe/London", Time, out var value, out var error).Should().BeTrue(error);

        value.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Fact]
    public void TryParse_NoOffset_ReadsWallClockInRunbookZone()
    {
        LaunchTime.TryParse("2026-06-01T10:00", "Europe/London", Time, out var value, out _).Should().BeTrue();

        value.Should().Be(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        value.Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void TryParse_Now_UsesTheTimeProvider()
    {
        LaunchTime.TryParse("now", "UTC", Time, out var value, out _).Should().BeTrue();

        value.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public void TryParse_TimeSkippedBySpringForward_FailsSayingSo()
    {
        LaunchTime.TryParse("2026-03-29T01:30", "Europe/London", Time, out _, out var error).Should().BeFalse();

        error.Should().Contain("does not exist in Europe/London");
    }

    [Fact]
    public void TryParse_TimeRepeatedByFallBack_FailsSuggestingBothOffsets()
    {
        LaunchTime.TryParse("2026-10-25T01:30", "Europe/London", Time, out _, out var error).Should().BeFalse();

        error.Should().Contain("+01:00").And.Contain("+00:00");
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01T10:00Z")]
    [InlineData("2026-06-01 10:00")]
    [InlineData("")]
    public void TryParse_NotIso_FailsWithAnExample(string text)
    {
        LaunchTime.TryParse(text, "UTC", Time, out _, out var error).Should().BeFalse();

        error.Should().NotBeNullOrEmpty();
    }
}
