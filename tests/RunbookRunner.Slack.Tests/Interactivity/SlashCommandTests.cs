using System.Text;
using FluentAssertions;
using RunbookRunner.Slack.Interactivity;
using Xunit;

namespace RunbookRunner.Slack.Tests.Interactivity;

public sealed class SlashCommandTests
{
    /// <summary>The body of Slack's signing example: a real slash command request.</summary>
    public const string SlackExampleBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    [Fact]
    public void Parse_SlackExampleBody_ReadsEveryField()
    {
        var command = SlashCommand.Parse(Encoding.UTF8.GetBytes(SlackExampleBody));

        command.Should().Be(new SlashCommand(
            Command: "/webhook-collect",
            Text: string.Empty,
            UserId: "U2CERLKJA",
            UserName: "roadrunner",
            ChannelId: "G8PSS9T3V",
            ChannelName: "foobar",
            TeamId: "T1DC2JH3J",
            TeamDomain: "testteamnow",
            EnterpriseId: null,
            ApiAppId: null,
            ResponseUrl: "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            TriggerId: "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"));
    }

    [Fact]
    public void Parse_TextWithPlusAndEscapes_DecodesSpacesAndUtf8()
    {
        var body = SlackExampleBody.Replace("text=&", "text=start+launch-day+T%2B0+%C3%A9t%C3%A9&", StringComparison.Ordinal);

        SlashCommand.Parse(Encoding.UTF8.GetBytes(body)).Text.Should().Be("start launch-day T+0 été");
    }

    [Theory]
    [InlineData("command=%2Fwebhook-collect&", "'command'")]
    [InlineData("user_id=U2CERLKJA&", "'user_id'")]
    [InlineData("channel_id=G8PSS9T3V&", "'channel_id'")]
    [InlineData("team_id=T1DC2JH3J&", "'team_id'")]
    [InlineData("&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", "'trigger_id'")]
    public void Parse_RequiredFieldMissing_ThrowsPayloadExceptionNamingIt(string removed, string expectedFragment)
    {
        var body = SlackExampleBody.Replace(removed, string.Empty, StringComparison.Ordinal);

        var act = () => SlashCommand.Parse(Encoding.UTF8.GetBytes(body));

        act.Should().Throw<SlackPayloadException>().Which.Message.Should().Contain(expectedFragment);
    }

    [Fact]
    public void Parse_CommandWithoutSlash_Throws()
    {
        var body = SlackExampleBody.Replace("command=%2Fwebhook-collect", "command=webhook-collect", StringComparison.Ordinal);

        var act = () => SlashCommand.Parse(Encoding.UTF8.GetBytes(body));

        act.Should().Throw<SlackPayloadException>().WithMessage("*must start with '/'*");
    }

    [Fact]
    public void Parse_ResponseUrlNotAbsolute_Throws()
    {
        var body = SlackExampleBody.Replace("response_url=https%3A%2F%2Fhooks.slack.com", "response_url=%2Fhooks.slack.com", StringComparison.Ordinal);

        var act = () => SlashCommand.Parse(Encoding.UTF8.GetBytes(body));

        act.Should().Throw<SlackPayloadException>().WithMessage("*'response_url'*");
    }
}
