using FluentAssertions;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Tests.Timing;

public class TimeAnchorTests
{
    [Theory]
    [InlineData("T-6h", -360)]
    [InlineData("T+90m", 90)]
    [InlineData("T+1d2h", 1560)]
    [InlineData("T+0", 0)]
    [InlineData("T-0", 0)]
    [InlineData("T", 0)]
    [InlineData("T0", 0)]
    public void TryParse_ValidAnchor_ReturnsOffset(string text, int minutes)
    {
        TimeAnchor.TryParse(text, out var anchor, out var error).Should().BeTrue(error);

        anchor.Offset.Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("-6h", "not a time anchor")]
    [InlineData("T6h", "not a time anchor")]
    [InlineData("T-", "not a time anchor")]
    [InlineData("T+6x", "unknown unit")]
    [InlineData("t-6h", "not a time anchor")]
    [InlineData(null, "not a time anchor")]
    public void TryParse_InvalidAnchor_ExplainsTheProblem(string? text, string reason)
    {
        TimeAnchor.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData("T-6h", "T-6h")]
    [InlineData("T+90m", "T+1h30m")]
    [InlineData("T", "T+0")]
    public void ToString_Anchor_IsCanonical(string text, string expected)
    {
        TimeAnchor.Parse(text).ToString().Should().Be(expected);
    }

    [Fact]
    public void Compare_Anchors_OrdersByOffset()
    {
        var early = TimeAnchor.Parse("T-6h");
        var late = TimeAnchor.Parse("T+1h");

        (early < late).Should().BeTrue();
        (late >= early).Should().BeTrue();
        new[] { late, TimeAnchor.T0, early }.Order().Should().Equal(early, TimeAnchor.T0, late);
    }

    [Fact]
    public void ResolveAgainst_T0_AddsOffset()
    {
        var t0 = new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

        TimeAnchor.Parse("T-6h").ResolveAgainst(t0).Should().Be(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    }
}
