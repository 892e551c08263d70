using System.Text;
using FluentAssertions;
using RunbookRunner.Slack.Interactivity;
using Xunit;

namespace RunbookRunner.Slack.Tests.Interactivity;

public sealed class SlackFormBodyTests
{
    [Fact]
    public void Parse_EncodedFields_DecodesKeysAndValues()
    {
        var form = SlackFormBody.Parse("a=1&b=hello+world&c=%2Fcmd%20x&d=&e&f%5B0%5D=%E2%9C%93"u8);

        form.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["a"] = "1",
            ["b"] = "hello world",
            ["c"] = "/cmd x",
            ["d"] = string.Empty,
            ["e"] = string.Empty,
            ["f[0]"] = "✓",
        });
    }

    [Fact]
    public void Parse_EmptyBody_ReturnsNoFields()
    {
        SlackFormBody.Parse(ReadOnlySpan<byte>.Empty).Should().BeEmpty();
    }

    [Fact]
    public void Parse_EmptySegments_AreIgnored()
    {
        SlackFormBody.Parse("&a=1&&b=2&"u8).Keys.Should().BeEquivalentTo("a", "b");
    }

    [Fact]
    public void Parse_ValueContainsEquals_KeepsEverythingAfterFirstEquals()
    {
        SlackFormBody.Parse("a=b=c"u8)["a"].Should().Be("b=c");
    }

    [Theory]
    [InlineData("a=%", "percent-escape at byte 2")]
    [InlineData("a=%4", "percent-escape")]
    [InlineData("a=%zz", "percent-escape")]
    [InlineData("a=1&a=2", "repeats the field 'a'")]
    [InlineData("=1", "without a name")]
    [InlineData("a=%FF", "invalid UTF-8")]
    [InlineData("a=%ED%A0%80", "invalid UTF-8")]
    public void Parse_Malformed_ThrowsPayloadException(string body, string expectedFragment)
    {
        var act = () => SlackFormBody.Parse(Encoding.UTF8.GetBytes(body));

        act.Should().Throw<SlackPayloadException>().Which.Message.Should().Contain(expectedFragment);
    }

    [Fact]
    public void Parse_TooManyFields_ThrowsPayloadException()
    {
        var body = string.Join('&', Enumerable.Range(0, SlackFormBody.MaxFields + 1).Select(i => $"f{i}=1"));

        var act = () => SlackFormBody.Parse(body);

        act.Should().Throw<SlackPayloadException>().WithMessage("*more than 256 fields*");
    }

    [Fact]
    public void Parse_LargeValue_DecodesWithoutStackAllocation()
    {
        var body = "payload=" + new string('x', 100_000);

        SlackFormBody.Parse(body)["payload"].Should().HaveLength(100_000);
    }
}
