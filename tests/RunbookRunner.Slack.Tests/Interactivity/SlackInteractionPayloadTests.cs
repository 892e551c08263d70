using FluentAssertions;
using RunbookRunner.Slack.Interactivity;
using Xunit;

namespace RunbookRunner.Slack.Tests.Interactivity;

public sealed class SlackInteractionPayloadTests
{
    [Fact]
    public void Parse_BlockActionsFormBody_ReadsEveryFieldUsed()
    {
        var payload = SlackInteractionPayload.Parse(SamplePayloads.FormBody(SamplePayloads.BlockActions));

        var click = payload.Should().BeOfType<BlockActionsPayload>().Subject;
        click.Type.Should().Be("block_actions");
        click.User.Should().Be(new SlackUser("U01AAA", "alice", "alice", "T0TEAM"));
        click.TeamId.Should().Be("T0TEAM");
        click.ApiAppId.Should().Be("A0APP");
        click.TriggerId.Should().Be("12345.98765.abcd2358fdea");
        click.Container.Should().Be(new SlackActionContainer("message", "1700000001.000001", "C0WARROOM", false, null));
        click.Channel.Should().Be(new SlackChannel("C0WARROOM", "war-room"));
        click.Message.Should().Be(new SlackPayloadMessage("1700000001.000001", "1700000000.000001", "Approval needed: go-no-go"));
        click.ResponseUrl.Should().Be("https://hooks.slack.com/actions/T0TEAM/123/abc");
        click.Actions.Should().ContainSingle().Which.Should().Be(
            new SlackBlockAction("approve", "approval:run-1", "button", "run-1/go-no-go", "1700000010.123456"));
        click.ChannelId.Should().Be("C0WARROOM");
        click.MessageTs.Should().Be("1700000001.000001");
    }

    [Fact]
    public void Parse_BlockActionsFromModal_HasNoChannelOrMessage()
    {
        const string json = """
            {"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"view","view_id":"V1"},
             "actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1.2"}]}
            """;

        var click = (BlockActionsPayload)SlackInteractionPayload.ParseJson(json);

        click.Container.ViewId.Should().Be("V1");
        click.Channel.Should().BeNull();
        click.Message.Should().BeNull();
        click.ResponseUrl.Should().BeNull();
        click.ChannelId.Should().BeNull();
        click.Actions.Single().Value.Should().BeNull();
    }

    [Fact]
    public void Parse_StaticSelectAction_UsesSelectedOptionValue()
    {
        const string json = """
            {"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},
             "actions":[{"action_id":"a","block_id":"b","type":"static_select","action_ts":"1.2","selected_option":{"value":"retry"}}]}
            """;

        var click = (BlockActionsPayload)SlackInteractionPayload.ParseJson(json);

        click.Actions.Single().Value.Should().Be("retry");
    }

    [Fact]
    public void Parse_ViewSubmission_ReadsMetadataAndInputValues()
    {
        var payload = SlackInteractionPayload.Parse(SamplePayloads.FormBody(SamplePayloads.ViewSubmission));

        var submission = payload.Should().BeOfType<ViewSubmissionPayload>().Subject;
        submission.User.Id.Should().Be("U01BBB");
        submission.TeamId.Should().Be("T0TEAM");
        submission.ViewId.Should().Be("V0VIEW");
        submission.CallbackId.Should().Be("reject_reason");
        submission.PrivateMetadata.Should().Be("run-1/go-no-go");
        submission.Hash.Should().Be("156772938.1827394");
        submission.GetValue("reason_block", "reason").Should().Be("P1 bug still open");
        submission.GetValue("note_block", "note").Should().BeNull();
        submission.GetValue("severity_block", "severity").Should().Be("high");
        submission.GetValue("missing", "reason").Should().BeNull();
    }

    [Theory]
    [InlineData("", "no 'payload'")]
    [InlineData("token=abc", "no 'payload'")]
    [InlineData("payload=", "no 'payload'")]
    [InlineData("payload=%7Bnot-json", "not valid JSON")]
    [InlineData("payload=%5B1%2C2%5D", "not a JSON object")]
    [InlineData("payload=%7B%7D", "'type'")]
    [InlineData("payload=%7B%22type%22%3A%22shortcut%22%7D", "'shortcut' is not supported")]
    [InlineData("payload=%E0%A4%A", "percent-escape")]
    [InlineData("payload=%C3%28", "invalid UTF-8")]
    public void Parse_MalformedBody_ThrowsPayloadExceptionWithReason(string body, string expectedFragment)
    {
        var act = () => SlackInteractionPayload.Parse(System.Text.Encoding.UTF8.GetBytes(body));

        act.Should().Throw<SlackPayloadException>().Which.Message.Should().Contain(expectedFragment);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","trigger_id":"t","container":{"type":"message"},"actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'user'")]
    [InlineData("""{"type":"block_actions","user":{"id":""},"trigger_id":"t","container":{"type":"message"},"actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'user.id'")]
    [InlineData("""{"type":"block_actions","user":{"id":42},"trigger_id":"t","container":{"type":"message"},"actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'user.id' is not a string")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"container":{"type":"message"},"actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'trigger_id'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'container'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},"actions":[]}""", "'actions'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},"actions":{}}""", "'actions'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},"actions":[42]}""", "'actions[0]'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},"actions":[{"block_id":"b","type":"button","action_ts":"1"}]}""", "'actions[0].action_id'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},"response_url":"javascript:alert(1)","actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'response_url'")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t","container":{"type":"message"},"message":{"text":"no ts"},"actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'message.ts'")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""", "'view'")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","state":{"values":{"b":[]}}}}""", "view.state.values.b")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","state":{"values":{"b":{"a":{"value":"x"}}}}}}""", "view.state.values.b.a.type")]
    [InlineData("""{"type":"block_actions","user":{"id":"\ud800"},"trigger_id":"t","container":{"type":"message"},"actions":[{"action_id":"a","block_id":"b","type":"button","action_ts":"1"}]}""", "'user.id'")]
    public void ParseJson_MissingOrWrongField_ThrowsPayloadExceptionNamingTheField(string json, string expectedFragment)
    {
        var act = () => SlackInteractionPayload.ParseJson(json);

        act.Should().Throw<SlackPayloadException>().Which.Message.Should().Contain(expectedFragment);
    }

    [Fact]
    public void ParseJson_DeeplyNested_ThrowsPayloadException()
    {
        var json = "{\"type\":\"block_actions\",\"x\":" + new string('[', 200) + new string(']', 200) + "}";

        var act = () => SlackInteractionPayload.ParseJson(json);

        act.Should().Throw<SlackPayloadException>();
    }

    [Fact]
    public void ParseJson_LoneSurrogateInText_ThrowsPayloadException()
    {
        var act = () => SlackInteractionPayload.ParseJson("{\"type\":\"block_actions\",\"user\":{\"id\":\"" + '\ud800' + "\"}}");

        act.Should().Throw<SlackPayloadException>();
    }
}
