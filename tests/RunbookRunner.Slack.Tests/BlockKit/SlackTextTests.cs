using FluentAssertions;
using RunbookRunner.Slack.BlockKit;
using Xunit;

namespace RunbookRunner.Slack.Tests.BlockKit;

public sealed class SlackTextTests
{
    [Fact]
    public void Truncate_ShortText_ReturnsSameInstance()
    {
        const string text = "short";

        SlackText.Truncate(text, 10).Should().BeSameAs(text);
    }

    [Fact]
    public void Truncate_LongText_CutsToLimitEndingInEllipsis()
    {
        SlackText.Truncate("abcdefghij", 5).Should().Be("abcd…");
    }

    [Fact]
    public void Truncate_CutWouldSplitSurrogatePair_DropsTheWholePair()
    {
        // "ab" + rocket (a surrogate pair) + "cd": keeping 3 chars would leave half of the rocket.
        var text = "ab\U0001F680cd";

        var truncated = SlackText.Truncate(text, 4);

        truncated.Should().Be("ab…");
        truncated.Length.Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public void Escape_ControlCharacters_AreEntityEncoded()
    {
        SlackText.Escape("a < b && c > d").Should().Be("a &lt; b &amp;&amp; c &gt; d");
    }

    [Fact]
    public void Escape_NothingToEscape_ReturnsSameInstance()
    {
        const string text = "plain *bold*";

        SlackText.Escape(text).Should().BeSameAs(text);
    }
}
