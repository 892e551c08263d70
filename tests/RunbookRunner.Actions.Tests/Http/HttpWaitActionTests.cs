using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunbookRunner.Actions.Http;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Http;

public sealed class HttpWaitActionTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private readonly TaskCompletionSource _thirdRefusal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _warmupCalls;
    private int _neverCalls;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/warming", () => Interlocked.Increment(ref _warmupCalls) <= 2 ? Results.StatusCode(503) : Results.Ok());
        app.MapGet("/never", () =>
        {
            if (Interlocked.Increment(ref _neverCalls) == 3)
            {
                _thirdRefusal.TrySetResult();
            }

            return Results.StatusCode(503);
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpWaitAction Create() => new(new SimpleHttpClientFactory(), Contexts.Options(), TimeProvider.System);

    [Fact]
    public async Task ExecuteAsync_BecomesHealthy_SucceedsWithAttemptCount()
    {
        var log = new RecordingLog();
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("url", _server.Url("warming").ToString()),
            ("expect_status", 200),
            ("interval", "20ms")), log));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["attempts"].Should().Be("3");
        result.Outputs["status"].Should().Be("200");
        log.Lines.Should().ContainSingle(l => l.StartsWith("attempt 1: GET", StringComparison.Ordinal) && l.Contains("-> 503", StringComparison.Ordinal),
            "an unchanged answer is logged once");
    }

    [Fact]
    public async Task ExecuteAsync_NeverHealthy_EndsWhenTheStepTimeoutFires()
    {
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource();
        var run = Create().ExecuteAsync(Contexts.For(P.Map(("url", _server.Url("never").ToString()), ("interval", "20ms")), log), timeout.Token);

        await _thirdRefusal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        run.IsCompleted.Should().BeFalse("it keeps polling while the answer is 503");
        await timeout.CancelAsync();
        var act = () => run.WaitAsync(TimeSpan.FromSeconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
        log.Lines.Should().Contain(l => l.StartsWith("gave up after", StringComparison.Ordinal) && l.EndsWith("last answer 503", StringComparison.Ordinal));
    }
}
