using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>Pins the fake's own behaviour, since integration tests will rely on it.</summary>
public sealed class FakeSlackServerTests : IAsyncLifetime
{
    private FakeSlackServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSlackServer.StartAsync();
        _server.AddChannel("C1");
        _http = new HttpClient { BaseAddress = _server.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_NoAuthorizationHeader_AnswersNotAuthed()
    {
        var error = await PostAsync("chat.postMessage", """{"channel":"C1","text":"hi"}""", token: null);

        error.Should().Be("not_authed");
        _server.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task PostMessage_FormEncodedBody_AnswersInvalidPostType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat.postMessage")
        {
            Content = new StringContent("channel=C1&text=hi", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.BotToken);

        using var response = await _http.SendAsync(request);

        (await ReadErrorAsync(response)).Should().Be("invalid_post_type");
    }

    [Theory]
    [InlineData("""{"channel":"C1","text":"hi","blocks":{}}""", "invalid_blocks")]
    [InlineData("""{"channel":"C1","text":"hi","blocks":[{"no_type":1}]}""", "invalid_blocks")]
    [InlineData("""{"channel":"C1","blocks":[]}""", "no_text")]
    [InlineData("""{"text":"hi"}""", "channel_not_found")]
    [InlineData("""{"channel":"C1","text":"hi","thread_ts":"1.1"}""", "thread_not_found")]
    [InlineData("""[1]""", "json_not_object")]
    [InlineData("""{oops""", "invalid_json")]
    public async Task PostMessage_BadShape_AnswersSlackError(string body, string expected)
    {
        (await PostAsync("chat.postMessage", body, _server.BotToken)).Should().Be(expected);
    }

    [Fact]
    public async Task UnknownMethod_AnswersUnknownMethod()
    {
        (await PostAsync("chat.delete", """{"channel":"C1","ts":"1.1"}""", _server.BotToken)).Should().Be("unknown_method");
    }

    [Fact]
    public async Task FailNext_Outage_FailsEveryCallUntilCleared()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.MaxAttempts = 2);
        harness.Server.FailNext(FakeSlackServer.AnyMethod, FakeSlackFailure.ServerError(503), times: int.MaxValue);

        var duringOutage = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "during outage");
        (await duringOutage.Should().ThrowAsync<SlackTransientException>()).Which.IsRetryable.Should().BeTrue();
        harness.Server.ClearFailures();
        await harness.Client.PostMessageAsync(SlackClientHarness.Channel, "after outage");

        harness.Server.Calls.Select(c => c.StatusCode).Should().Equal(503, 503, 200);
        harness.Server.Messages.Should().ContainSingle().Which.Text.Should().Be("after outage");
    }

    [Fact]
    public async Task WaitUntilAsync_ConditionNeverHolds_ThrowsTimeout()
    {
        var act = () => _server.WaitUntilAsync(s => s.Messages.Count > 0, TimeSpan.FromMilliseconds(100));

        await act.Should().ThrowAsync<TimeoutException>();
    }

    private async Task<string?> PostAsync(string method, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return await ReadErrorAsync(response);
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("ok").GetBoolean().Should().BeFalse();
        return document.RootElement.GetProperty("error").GetString();
    }
}
