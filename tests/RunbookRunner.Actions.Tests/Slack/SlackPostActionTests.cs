using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Slack;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Slack;

public sealed class SlackPostActionTests : IAsyncLifetime
{
    private LoopbackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await LoopbackServer.StartAsync(app =>
        app.MapPost("/api/chat.postMessage", async (HttpRequest r) =>
        {
            if (r.Headers.Authorization != "Bearer xoxb-test")
            {
                return Results.Json(new { ok = false, error = "invalid_auth" });
            }

            var body = (await JsonNode.ParseAsync(r.Body))!;
            var channel = body["channel"]!.GetValue<string>();
            return channel switch
            {
                "C0GONE" => Results.Json(new { ok = false, error = "channel_not_found" }),
                "C0BUSY" => Results.Json(new { ok = false, error = "ratelimited" }, statusCode: 429),
                _ => Results.Json(new { ok = true, channel, ts = "1503435956.000247" }),
            };
        }));

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackPostAction Create(string? token = "xoxb-test") => new(new SimpleHttpClientFactory(), Contexts.Options(o =>
    {
        o.SlackApiBaseUrl = _slack.Url("api/");
        o.SlackBotToken = token;
    }));

    [Fact]
    public async Task ExecuteAsync_Announcement_PostsJsonWithBotTokenAndReturnsTs()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("channel", "C0456ANNOUNCE"),
            ("text", "We are live!"),
            ("blocks", P.List(P.Map(("type", "section"), ("text", P.Map(("type", "mrkdwn"), ("text", "*We are live!*")))))))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["ts"].Should().Be("1503435956.000247");
        result.Outputs["channel"].Should().Be("C0456ANNOUNCE");
        var request = _slack.Requests.Single();
        request.Header("Authorization").Should().Be("Bearer xoxb-test");
        request.Header("Content-Type").Should().Be("application/json; charset=utf-8");
        request.Body.Should().Be("""{"channel":"C0456ANNOUNCE","text":"We are live!","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*We are live!*"}}]}""");
    }

    [Fact]
    public async Task ExecuteAsync_OkFalse_FailsWithSlacksErrorAndNoRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("channel", "C0GONE"), ("text", "hi"))));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Be("chat.postMessage to C0GONE failed: channel_not_found");
    }

    [Fact]
    public async Task ExecuteAsync_RateLimited_FailsRetryably()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("channel", "C0BUSY"), ("text", "hi"))));

        result.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_NoBotToken_FailsWithoutCallingSlack()
    {
        var result = await Create(token: null).ExecuteAsync(Contexts.For(P.Map(("channel", "C1"), ("text", "hi"))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().StartWith("Slack:BotToken is not configured");
        _slack.Requests.Should().BeEmpty();
    }
}
