using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Api;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private SlackClientHarness _harness = null!;

    private FakeSlackServer Server => _harness.Server;

    private ISlackClient Client => _harness.Client;

    public async Task InitializeAsync() => _harness = await SlackClientHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PostMessageAsync_TextAndBlocks_SendsJsonWithBearerTokenAndReturnsTs()
    {
        var message = new SlackMessageBuilder("Run started")
            .Header("launch-day")
            .Section("*Step* `backup` is running")
            .Build();

        var posted = await Client.PostMessageAsync(SlackClientHarness.Channel, message);

        posted.Channel.Should().Be(SlackClientHarness.Channel);
        posted.Ts.Should().MatchRegex(@"^\d+\.\d{6}$");
        var call = Server.Calls.Should().ContainSingle().Subject;
        call.Method.Should().Be("chat.postMessage");
        call.Authorization.Should().Be("Bearer " + Server.BotToken);
        call.ContentType.Should().Be("application/json; charset=utf-8");
        call.GetString("channel").Should().Be(SlackClientHarness.Channel);
        call.GetString("text").Should().Be("Run started");
        call.Json!.Value.TryGetProperty("thread_ts", out _).Should().BeFalse("a top-level post carries no thread_ts");

        var stored = Server.Messages.Should().ContainSingle().Subject;
        stored.Ts.Should().Be(posted.Ts);
        stored.ThreadTs.Should().BeNull();
        stored.BlockCount.Should().Be(2);
        stored.Blocks!.Value[0].GetProperty("type").GetString().Should().Be("header");
        stored.Blocks!.Value[1].GetProperty("text").GetProperty("type").GetString().Should().Be("mrkdwn");
    }

    [Fact]
    public async Task PostMessageAsync_WithThreadTs_PostsReplyInThread()
    {
        var parent = await Client.PostMessageAsync(SlackClientHarness.Channel, "status");

        var reply = await Client.PostMessageAsync(SlackClientHarness.Channel, "backup succeeded in 2m 10s", threadTs: parent.Ts);

        reply.Ts.Should().NotBe(parent.Ts);
        Server.Messages.Should().HaveCount(2);
        Server.Messages[1].ThreadTs.Should().Be(parent.Ts);
        Server.Messages[1].Text.Should().Be("backup succeeded in 2m 10s");
    }

    [Fact]
    public async Task UpdateMessageAsync_ExistingMessage_ReplacesTextAndBlocks()
    {
        var posted = await Client.PostMessageAsync(SlackClientHarness.Channel, "1/9 steps");
        var updated = new SlackMessageBuilder("2/9 steps").Section("*2/9* steps done").Build();

        var result = await Client.UpdateMessageAsync(posted, updated);

        result.Should().Be(posted);
        var message = Server.Messages.Should().ContainSingle().Subject;
        message.Text.Should().Be("2/9 steps");
        message.UpdateCount.Should().Be(1);
        message.BlockCount.Should().Be(1);
        Server.Calls[^1].GetString("ts").Should().Be(posted.Ts);
    }

    [Fact]
    public async Task UpdateMessageAsync_UnknownTs_ThrowsTargetExceptionWithoutRetry()
    {
        var act = () => Client.UpdateMessageAsync(SlackClientHarness.Channel, "1.000001", "text");

        var error = (await act.Should().ThrowAsync<SlackTargetException>()).Which;
        error.Error.Should().Be("message_not_found");
        error.Method.Should().Be("chat.update");
        error.IsRetryable.Should().BeFalse();
        Server.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task PostEphemeralAsync_ToUser_RecordsEphemeralAndReturnsMessageTs()
    {
        var ts = await Client.PostEphemeralAsync(SlackClientHarness.Channel, "U0BOB", "You are not allowed to approve this step.");

        ts.Should().NotBeNullOrEmpty();
        var ephemeral = Server.Ephemerals.Should().ContainSingle().Subject;
        ephemeral.User.Should().Be("U0BOB");
        ephemeral.Text.Should().Be("You are not allowed to approve this step.");
        Server.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task AddReactionAsync_TwiceOnSameMessage_SecondCountsAsSuccess()
    {
        var posted = await Client.PostMessageAsync(SlackClientHarness.Channel, "deployed");

        await Client.AddReactionAsync(posted.Channel, posted.Ts, ":white_check_mark:");
        await Client.AddReactionAsync(posted.Channel, posted.Ts, "white_check_mark");

        Server.Reactions.Should().ContainSingle().Which.Should().Be(new FakeSlackReaction(posted.Channel, posted.Ts, "white_check_mark"));
        Server.Calls.Where(c => c.Method == "reactions.add").Select(c => c.Error).Should().Equal(null, "already_reacted");
    }

    [Fact]
    public async Task OpenViewAsync_RejectReasonModal_SendsModalAndReturnsViewId()
    {
        var modal = new ModalView(
            "Reject go-no-go",
            [new InputBlock("Reason", new PlainTextInputElement("reason", placeholder: "Why?", multiline: true, maxLength: 500), blockId: "reason_block")],
            submit: "Reject",
            close: "Cancel",
            callbackId: "reject_reason",
            privateMetadata: "run-1/go-no-go");

        var viewId = await Client.OpenViewAsync("123.456.abc", modal);

        var view = Server.Views.Should().ContainSingle().Subject;
        view.Id.Should().Be(viewId);
        view.TriggerId.Should().Be("123.456.abc");
        view.View.GetProperty("type").GetString().Should().Be("modal");
        view.View.GetProperty("callback_id").GetString().Should().Be("reject_reason");
        view.View.GetProperty("private_metadata").GetString().Should().Be("run-1/go-no-go");
        var input = view.View.GetProperty("blocks")[0];
        input.GetProperty("type").GetString().Should().Be("input");
        input.GetProperty("element").GetProperty("type").GetString().Should().Be("plain_text_input");
        input.GetProperty("element").GetProperty("max_length").GetInt32().Should().Be(500);
    }

    [Fact]
    public async Task RespondAsync_ReplaceOriginalInChannel_PostsJsonWithoutBotToken()
    {
        var responseUrl = Server.CreateResponseUrl();

        await Client.RespondAsync(responseUrl, new SlackResponse("Approved by <@U0ALICE>", responseType: SlackResponseType.InChannel, replaceOriginal: true));

        var response = Server.Responses.Should().ContainSingle().Subject;
        response.Text.Should().Be("Approved by <@U0ALICE>");
        response.ResponseType.Should().Be("in_channel");
        response.ReplaceOriginal.Should().BeTrue();
        var call = Server.Calls.Should().ContainSingle().Subject;
        call.Authorization.Should().BeNull("the bot token must never be sent to a URL taken from a payload");
        call.ContentType.Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task RespondAsync_Ephemeral_OmitsReplaceOriginal()
    {
        var responseUrl = Server.CreateResponseUrl();

        await Client.RespondAsync(responseUrl, new SlackResponse("Working on it"));

        var body = Server.Responses.Should().ContainSingle().Subject.Body;
        body.GetProperty("response_type").GetString().Should().Be("ephemeral");
        body.TryGetProperty("replace_original", out _).Should().BeFalse();
    }

    [Fact]
    public async Task RespondAsync_SixthUse_ThrowsTargetExceptionUsedUrl()
    {
        var responseUrl = Server.CreateResponseUrl();
        for (var i = 0; i < 5; i++)
        {
            await Client.RespondAsync(responseUrl, new SlackResponse($"update {i}"));
        }

        var act = () => Client.RespondAsync(responseUrl, new SlackResponse("one too many"));

        (await act.Should().ThrowAsync<SlackTargetException>()).Which.Error.Should().Be("used_url");
        Server.Responses.Should().HaveCount(5);
    }

    [Fact]
    public async Task RespondAsync_UnknownResponseUrl_ThrowsTargetExceptionExpiredUrl()
    {
        var act = () => Client.RespondAsync(new Uri(Server.BaseUrl, "respond/nope").ToString(), new SlackResponse("late"));

        (await act.Should().ThrowAsync<SlackTargetException>()).Which.Error.Should().Be("expired_url");
    }

    [Fact]
    public async Task PostMessageAsync_UnknownChannel_ThrowsTargetExceptionChannelNotFound()
    {
        var act = () => Client.PostMessageAsync("C0NOPE", "hello");

        var error = (await act.Should().ThrowAsync<SlackTargetException>()).Which;
        error.Error.Should().Be("channel_not_found");
        error.IsRetryable.Should().BeFalse();
        error.Message.Should().Contain("chat.postMessage").And.Contain("channel_not_found");
    }

    [Theory]
    [InlineData("not_in_channel", false, true)]
    [InlineData("is_archived", true, false)]
    public async Task PostMessageAsync_ChannelBotCannotUse_ThrowsTargetException(string expectedError, bool archived, bool notMember)
    {
        Server.AddChannel("C0ODD", botIsMember: !notMember, archived: archived);

        var act = () => Client.PostMessageAsync("C0ODD", "hello");

        (await act.Should().ThrowAsync<SlackTargetException>()).Which.Error.Should().Be(expectedError);
    }

    [Fact]
    public async Task PostMessageAsync_WrongToken_ThrowsAuthExceptionInvalidAuth()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.BotToken = "xoxb-wrong");

        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        var error = (await act.Should().ThrowAsync<SlackAuthException>()).Which;
        error.Error.Should().Be("invalid_auth");
        error.IsRetryable.Should().BeFalse();
        harness.Server.Calls.Should().ContainSingle("permanent errors are not retried");
    }

    [Fact]
    public async Task PostMessageAsync_EmptyTextAndNoBlocks_ThrowsInvalidRequestNoText()
    {
        var act = () => Client.PostMessageAsync(SlackClientHarness.Channel, string.Empty);

        (await act.Should().ThrowAsync<SlackInvalidRequestException>()).Which.Error.Should().Be("no_text");
        Server.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task PostMessageAsync_MoreThanFiftyBlocks_ThrowsInvalidRequestInvalidBlocks()
    {
        var blocks = Enumerable.Range(0, 51).Select(i => (Block)new SectionBlock($"line {i}")).ToList();

        var act = () => Client.PostMessageAsync(SlackClientHarness.Channel, "too many", blocks);

        (await act.Should().ThrowAsync<SlackInvalidRequestException>()).Which.Error.Should().Be("invalid_blocks");
        Server.Messages.Should().BeEmpty();
    }

    [Theory]
    [InlineData("missing_scope", typeof(SlackAuthException))]
    [InlineData("token_revoked", typeof(SlackAuthException))]
    [InlineData("not_authed", typeof(SlackAuthException))]
    [InlineData("msg_too_long", typeof(SlackInvalidRequestException))]
    [InlineData("invalid_json", typeof(SlackInvalidRequestException))]
    [InlineData("invalid_blocks", typeof(SlackInvalidRequestException))]
    [InlineData("some_future_error", typeof(SlackApiException))]
    public async Task PostMessageAsync_OkFalsePermanentError_MapsToTypedExceptionWithoutRetry(string error, Type expected)
    {
        Server.FailNext("chat.postMessage", FakeSlackFailure.SlackError(error));

        var act = () => Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        var thrown = (await act.Should().ThrowAsync<SlackApiException>()).Which;
        thrown.Should().BeOfType(expected);
        thrown.Error.Should().Be(error);
        thrown.IsRetryable.Should().BeFalse();
        Server.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task PostMessageAsync_LongText_TruncatedToFortyThousandCharacters()
    {
        await Client.PostMessageAsync(SlackClientHarness.Channel, new string('x', 45_000));

        var text = Server.Messages.Should().ContainSingle().Subject.Text!;
        text.Should().HaveLength(SlackLimits.MessageText);
        text.Should().EndWith("…");
    }

    [Fact]
    public async Task PostMessageAsync_NonJsonAnswer_ThrowsInvalidResponse()
    {
        Server.FailNext("chat.postMessage", FakeSlackFailure.Garbage());

        var act = () => Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        (await act.Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be(SlackErrorCodes.InvalidResponse);
    }

    [Fact]
    public async Task PostMessageAsync_ButtonsWithConfirm_SerializesBlockKitShape()
    {
        var approve = ButtonElement.Primary("Approve", "approve", "run-1/go-no-go")
            .WithConfirm(new ConfirmationDialog("Approve go-no-go?", "This starts the launch.", "Approve", "Cancel"));
        var message = new SlackMessageBuilder("Approval needed").Actions("approval:run-1", approve).Build();

        await Client.PostMessageAsync(SlackClientHarness.Channel, message);

        var button = Server.Messages.Single().Blocks!.Value[0].GetProperty("elements")[0];
        var expected = JsonDocument.Parse("""
            {"type":"button","action_id":"approve","text":{"type":"plain_text","text":"Approve"},"value":"run-1/go-no-go","style":"primary",
             "confirm":{"title":{"type":"plain_text","text":"Approve go-no-go?"},"text":{"type":"plain_text","text":"This starts the launch."},
                        "confirm":{"type":"plain_text","text":"Approve"},"deny":{"type":"plain_text","text":"Cancel"}}}
            """).RootElement;
        JsonTestHelpers.Normalize(button).Should().Be(JsonTestHelpers.Normalize(expected));
    }
}
