using System.Net;
using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Fault.Tests.TestSupport;
using RunbookRunner.TestKit.Fakes.GitHub;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.External;

/// <summary>
/// A real <c>runbook serve</c> running <c>github.*</c> steps against a fake GitHub that fails: first within the
/// client's limits (a 502, a response slower than the 2.5 s client time-out, a 429 storm), then beyond them.
/// </summary>
public sealed class GitHubOutageTests(ITestOutputHelper output)
{
    private const int MaxRetries = 3;

    private const string Runbook = """
        name: github-outage
        defaults: { on_failure: pause, timeout: 2m }
        steps:
          - id: c1
            action: github.commit_status
            with: { repo: acme/platform, ref: main }
          - id: m2
            manual: { title: Ready for the second check }
          - id: c3
            action: github.commit_status
            with: { repo: acme/platform, ref: main }
        """;

    [Fact]
    public async Task GitHubActions_FailuresWithinLimitsAreRetriedAndBeyondThemFailClearly()
    {
        using var work = new WorkDirectory("github");
        await using var github = await FakeGitHubServer.StartAsync();
        var repository = github.State.AddRepository("acme", "platform");
        repository.AddStatus("main", "ci", "success");
        var store = $"sqlite:{work.File("runs.db")}";
        var token = await RunbookCli.CreateAdminTokenAsync(store);
        await using var node = await ServeNode.StartAsync(store, "github-node", work.Path, new Dictionary<string, string>
        {
            ["GitHub__ApiBaseUrl"] = github.BaseUri.ToString(),
            ["GitHub__Token"] = github.Token,
            ["GitHub__MaxRetries"] = MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitHub__RetryBaseDelay"] = "00:00:00.200",
            // Generous enough that a loaded CI machine does not time out healthy answers; the slow fault exceeds it.
            ["GitHub__RequestTimeout"] = "00:00:02.500",
        });
        await node.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var api = new FaultApi(node.Url, token);

        // Within limits: two transient failures (one 502, one time-out) and a storm of three 429s.
        github.AddFault(FakeFault.ServerError(502));
        github.AddFault(FakeFault.Slow(TimeSpan.FromSeconds(5), times: 1));
        for (var i = 0; i < 3; i++)
        {
            github.AddFault(FakeFault.TooManyRequests(retryAfterSeconds: 1));
        }

        var runId = (await api.StartAsync(Runbook, "github-outage-1")).Id;
        RunDto? seen = null;
        await Eventually.UntilAsync(
            async () => (seen = await api.GetRunAsync(runId)).Steps.Single(s => s.Id == "m2").State == StepStates.AwaitingApproval,
            TimeSpan.FromSeconds(90),
            () => $"c1 did not get through the failures within limits: run {seen?.State}, c1 {seen?.Steps[0].State} ({seen?.Steps[0].Error}); "
                + $"GitHub saw {string.Join(", ", github.Requests.Select(r => r.StatusCode))}; node output: {ServeNode.Tail(node.Output, 2000)}");
        var c1 = (await api.GetRunAsync(runId)).Steps.Single(s => s.Id == "c1");
        var withinLimits = github.Requests.ToList();

        // Beyond limits: every attempt of the next request fails.
        github.AddFault(FakeFault.ServerError(500, times: MaxRetries + 1));
        github.ClearRequests();
        (await api.StepAsync(runId, "m2", "done")).Should().Be(HttpStatusCode.OK);
        await Eventually.UntilAsync(
            async () => (await api.GetRunAsync(runId)).State == RunStates.Paused,
            TimeSpan.FromSeconds(90),
            () => "c3 did not fail");
        var paused = await api.GetRunAsync(runId);
        var c3 = paused.Steps.Single(s => s.Id == "c3");
        var exhausted = github.Requests.ToList();

        // The faults are used up: a person retries the step and the run ends.
        (await api.StepAsync(runId, "c3", "retry")).Should().Be(HttpStatusCode.OK);
        await Eventually.UntilAsync(
            async () => (await api.GetRunAsync(runId)).State == RunStates.Succeeded,
            TimeSpan.FromSeconds(90),
            () => "the retried step did not succeed");

        var report = new FaultReport("GitHub failures (502, a response slower than the 2.5 s time-out, 429 storm; then 500s beyond GitHub__MaxRetries=3)");
        report.Add("within limits: requests / answered with an error", $"{withinLimits.Count} / {withinLimits.Count(r => r.StatusCode >= 400)}");
        report.Add("within limits: step c1", $"{c1.State} after {c1.Attempts} attempt(s): {c1.Summary}");
        report.Add("beyond limits: requests of c3 (1 + retries)", exhausted.Count);
        report.Add("beyond limits: step c3", $"{c3.State}, run {paused.State}: {c3.Error}");
        report.Add("after a person's retry", "succeeded");
        var text = report.Write(output);

        using (new AssertionScope())
        {
            c1.State.Should().Be(StepStates.Succeeded);
            c1.Attempts.Should().Be(1, "the client absorbed the failures within one attempt of the step");
            withinLimits.Count(r => r.StatusCode >= 400).Should().BeGreaterThanOrEqualTo(4, text);
            c3.State.Should().Be(StepStates.Failed);
            c3.Error.Should().Contain("500", "the failure says what GitHub answered");
            exhausted.Should().HaveCount(MaxRetries + 1, "a read is tried once and retried GitHub__MaxRetries times, no more");
            paused.State.Should().Be(RunStates.Paused, "on_failure: pause hands the failure to a person");
        }

        work.Passed = true;
    }
}
