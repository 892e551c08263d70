using FluentAssertions;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.Errors;
using RunbookRunner.Slack.Tests.Fakes;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.Api;

public sealed class SlackWebApiClientRetryTests
{
    // Timers may fire up to a tick early; everything else in these measurements only adds delay.
    private static readonly TimeSpan TimerTolerance = TimeSpan.FromMilliseconds(15);

    [Fact]
    public async Task PostMessageAsync_RateLimitedWithRetryAfter_WaitsRetryAfterThenSucceeds()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(retryAfterSeconds: 1));

        var posted = await harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        var calls = harness.Server.Calls;
        calls.Select(c => c.StatusCode).Should().Equal(429, 200);
        (calls[1].ReceivedAt - calls[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerTolerance);
        harness.Server.Messages.Should().ContainSingle().Which.Ts.Should().Be(posted.Ts);
    }

    [Fact]
    public async Task PostMessageAsync_RateLimited_OtherMethodsAreNotBlocked()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        var first = await harness.Client.PostMessageAsync(SlackClientHarness.Channel, "first");
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(retryAfterSeconds: 1));

        var blockedPost = harness.Client.PostMessageAsync(SlackClientHarness.Channel, "second");
        await harness.Server.WaitUntilAsync(s => s.Calls.Any(c => c.StatusCode == 429), TimeSpan.FromSeconds(5));
        await harness.Client.AddReactionAsync(first.Channel, first.Ts, "eyes");
        await blockedPost;

        var calls = harness.Server.Calls;
        var limited = calls.Single(c => c.StatusCode == 429);
        var reaction = calls.Single(c => c.Method == "reactions.add");
        (reaction.ReceivedAt - limited.ReceivedAt).Should().BeLessThan(TimeSpan.FromSeconds(1), "reactions.add does not wait for chat.postMessage's Retry-After");
        calls[^1].Method.Should().Be("chat.postMessage");
        (calls[^1].ReceivedAt - limited.ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerTolerance);
    }

    [Fact]
    public async Task PostMessageAsync_AnotherClientAfterRateLimit_AlsoWaitsRetryAfter()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.MaxAttempts = 1);
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(retryAfterSeconds: 1));
        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "limited");
        (await act.Should().ThrowAsync<SlackRateLimitedException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));

        await harness.CreateClient().PostMessageAsync(SlackClientHarness.Channel, "later");

        var calls = harness.Server.Calls;
        calls.Should().HaveCount(2);
        (calls[1].ReceivedAt - calls[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimerTolerance);
    }

    [Fact]
    public async Task PostMessageAsync_RetryAfterAboveMaximum_ThrowsAtOnceAndKeepsMethodBlocked()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(2));
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.RateLimited(retryAfterSeconds: 30));

        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        var error = (await act.Should().ThrowAsync<SlackRateLimitedException>()).Which;
        error.IsRetryable.Should().BeTrue();
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var next = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "too soon", cancellationToken: shortWait.Token);
        await next.Should().ThrowAsync<OperationCanceledException>();
        harness.Server.Calls.Should().ContainSingle("the method stays blocked for the whole Retry-After");
    }

    [Fact]
    public async Task PostMessageAsync_ServerErrorsThenSuccess_RetriesAndSucceeds()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.ServerError(503), times: 2);

        await harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        harness.Server.Calls.Select(c => c.StatusCode).Should().Equal(503, 503, 200);
        harness.Server.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task PostMessageAsync_TransientSlackError_RetriesAndSucceeds()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.SlackError("internal_error"));

        await harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        harness.Server.Calls.Select(c => c.Error).Should().Equal("internal_error", null);
    }

    [Fact]
    public async Task PostMessageAsync_PersistentServerError_ThrowsTransientAfterMaxAttempts()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.MaxAttempts = 3);
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.ServerError(500), times: int.MaxValue);

        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        var error = (await act.Should().ThrowAsync<SlackTransientException>()).Which;
        error.Error.Should().Be("http_500");
        error.HttpStatusCode.Should().Be(500);
        error.IsRetryable.Should().BeTrue();
        harness.Server.Calls.Should().HaveCount(3);
    }

    [Fact]
    public async Task PostMessageAsync_NoAnswerWithinTimeout_RetriesAndSucceeds()
    {
        await using var harness = await SlackClientHarness.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.Hang());

        await harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        harness.Server.Messages.Should().ContainSingle();
        await harness.Server.WaitUntilAsync(s => s.Calls.Count == 2, TimeSpan.FromSeconds(5));
        harness.Server.Calls.Select(c => c.StatusCode).Should().Equal(0, 200);
    }

    [Fact]
    public async Task PostMessageAsync_AlwaysHangs_ThrowsTransientTimeout()
    {
        await using var harness = await SlackClientHarness.StartAsync(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxAttempts = 2;
        });
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.Hang(), times: int.MaxValue);

        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        (await act.Should().ThrowAsync<SlackTransientException>()).Which.Error.Should().Be(SlackErrorCodes.Timeout);
    }

    [Fact]
    public async Task PostMessageAsync_CallerCancelsWhileWaiting_ThrowsOperationCanceled()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        harness.Server.FailNext("chat.postMessage", FakeSlackFailure.Hang());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello", cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task PostMessageAsync_NothingListening_ThrowsTransientNetworkError()
    {
        await using var harness = await SlackClientHarness.StartAsync(o =>
        {
            o.ApiBaseUrl = new Uri("http://127.0.0.1:1/api/");
            o.MaxAttempts = 2;
        });

        var act = () => harness.Client.PostMessageAsync(SlackClientHarness.Channel, "hello");

        var error = (await act.Should().ThrowAsync<SlackTransientException>()).Which;
        error.Error.Should().Be(SlackErrorCodes.NetworkError);
        error.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task RespondAsync_ServerErrorThenSuccess_Retries()
    {
        await using var harness = await SlackClientHarness.StartAsync();
        var responseUrl = harness.Server.CreateResponseUrl();
        harness.Server.FailNext("response_url", FakeSlackFailure.ServerError(502));

        await harness.Client.RespondAsync(responseUrl, new SlackResponse("done"));

        harness.Server.Calls.Select(c => c.StatusCode).Should().Equal(502, 200);
        harness.Server.Responses.Should().ContainSingle();
    }
}
